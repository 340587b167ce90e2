import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import type { Member } from '@brobygger/api';
import { httpStatusOfKey } from '@brobygger/api/error-codes';
import { MEMBERSHIP_ROLES } from '@brobygger/api/roles';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { Field, FormMessage } from '../components/form.tsx';
import { act, load, requireCaller, statusOf, type ActionResult } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { useWorkspace } from './w.$tenant.tsx';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, session } = await requireCaller(request, context);
  const list = await load(() => api.members.list({ tenant: params.tenant ?? '' }), request);
  return { ...list, userId: session.userId };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const form = await request.formData();
  const tenant = params.tenant ?? '';
  const intent = String(form.get('intent'));
  const field = (name: string) => String(form.get(name) ?? '');
  let result: ActionResult;
  switch (intent) {
    case 'invite':
      result = await act(
        () => api.members.invite({ tenant, email: field('email'), role: field('role') as never }),
        intent,
      );
      if (!result.ok) result.values = { email: field('email'), role: field('role') };
      break;
    case 'changeRole':
      result = await act(
        () =>
          api.members.changeRole({
            tenant,
            membershipId: field('membershipId'),
            role: field('role') as never,
            version: Number(field('version')),
          }),
        intent,
      );
      break;
    case 'remove':
      result = await act(() => api.members.remove({ tenant, membershipId: field('membershipId') }), intent);
      break;
    case 'revoke':
      result = await act(() => api.members.revokeInvitation({ tenant, invitationId: field('invitationId') }), intent);
      break;
    default:
      result = { ok: false, status: httpStatusOfKey('invalid_input'), error: 'errors:invalid_input' };
  }
  return data({ ...result, email: field('email') }, { status: statusOf(result) });
}

const ROLE_OPTIONS = MEMBERSHIP_ROLES;

export default function Members() {
  const { t } = useTranslation('members');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { members, invitations, userId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // What the caller may do comes from the API; the page never reasons about roles itself.
  const canManage = workspace.permissions['members.manage'] === 'all';
  const assignable = ROLE_OPTIONS.filter(
    (r) => r !== 'owner' || workspace.permissions['members.manageOwners'] === 'all',
  );
  const invite = actionData?.intent === 'invite' ? actionData : undefined;
  // Straight after creating the workspace (decision 028): inviting colleagues comes first.
  const welcome = useSearchParams()[0].has('welcome');

  return (
    <div className="page">
      {welcome && canManage ? (
        <section className="card welcome" aria-labelledby="welcome-heading">
          <h1 id="welcome-heading">{t('workspace:welcome.title', { workspace: workspace.name })}</h1>
          <p>{t('workspace:welcome.text')}</p>
          <InviteSection invite={invite} assignable={assignable} />
          <p>
            <Link to={`/w/${workspace.slug}`}>{t('workspace:welcome.skip')}</Link>
          </p>
        </section>
      ) : null}
      {welcome && canManage ? <h2>{t('title')}</h2> : <h1>{t('title')}</h1>}
      <p className="muted">{t('intro', { workspace: workspace.name })}</p>

      <table className="table stack">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <MemberRow
              key={m.id}
              member={m}
              isSelf={m.userId === userId}
              canManage={canManage}
              assignable={assignable}
            />
          ))}
        </tbody>
      </table>

      <RoleGuide />

      {canManage ? (
        <>
          {welcome ? null : <InviteSection invite={invite} assignable={assignable} />}

          <section className="card" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{t('pending.title')}</h2>
            {invitations.length === 0 ? (
              <p>{t('pending.none')}</p>
            ) : (
              <ul className="plain-list">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email} · {t(`common:roles.${i.role}`)} · {t('pending.expires')} {formatDate(i.expiresAt, locale)}{' '}
                    <Form method="post" className="inline">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button
                        type="submit"
                        className="link-button"
                        aria-label={t('pending.revoke', { email: i.email })}
                      >
                        ✕
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

type InviteAnswer = ActionResult & { email: string };

/** The invitation form: on its own on the members page, and first in the welcome after creating a workspace. */
function InviteSection({ invite, assignable }: { invite: InviteAnswer | undefined; assignable: readonly string[] }) {
  const { t } = useTranslation('members');
  const navigation = useNavigation();
  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invite.title')}</h2>
      <Form method="post" className="inline-form" noValidate key={invite?.ok ? invite.email : 'invite'}>
        <input type="hidden" name="intent" value="invite" />
        <Field
          label={t('invite.email')}
          name="email"
          type="email"
          required
          defaultValue={invite && !invite.ok ? String(invite.values?.email ?? '') : ''}
          errors={invite && !invite.ok ? invite.fieldErrors?.email : undefined}
        />
        <div className="field">
          <label htmlFor="invite-role">{t('invite.role')}</label>
          <select id="invite-role" name="role" defaultValue="coordinator" aria-describedby={ROLE_GUIDE_ID}>
            {assignable.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
          {t('invite.submit')}
        </button>
      </Form>
      <FormMessage
        error={invite && !invite.ok && !invite.fieldErrors ? invite.error : undefined}
        success={invite?.ok ? t('invite.sent', { email: invite.email }) : undefined}
      />
    </section>
  );
}

function MemberRow({
  member,
  isSelf,
  canManage,
  assignable,
}: {
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  assignable: readonly string[];
}) {
  const { t } = useTranslation('members');
  const workspace = useWorkspace();
  const fetcher = useFetcher<ActionResult>();
  const editable = canManage && (member.role !== 'owner' || workspace.permissions['members.manageOwners'] === 'all');
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined;
  const roleLabel = (role: string) => t(`common:roles.${role}`);
  // The role that was just saved: the loader's new version re-keys the select, and the message
  // says what changed so a coordinator knows the click did something.
  const changedTo = fetcher.state === 'idle' && fetcher.data?.ok ? member.role : undefined;
  return (
    <tr>
      <td data-label={t('name')}>
        {member.displayName} {isSelf ? <span className="muted">{t('you')}</span> : null}
      </td>
      <td data-label={t('email')}>{member.email}</td>
      <td data-label={t('role')}>
        {editable ? (
          <fetcher.Form
            method="post"
            className="inline-form compact"
            onSubmit={(e) => {
              const role = new FormData(e.currentTarget).get('role');
              // Demoting oneself cannot be undone without another manager: ask first.
              if (
                isSelf &&
                role !== member.role &&
                !window.confirm(t('demoteSelfConfirm', { role: roleLabel(String(role)), workspace: workspace.name }))
              )
                e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="changeRole" />
            <input type="hidden" name="membershipId" value={member.id} />
            <input type="hidden" name="version" value={member.version} />
            <select
              name="role"
              defaultValue={member.role}
              aria-label={t('changeRole', { name: member.displayName })}
              aria-describedby={ROLE_GUIDE_ID}
              key={member.version}
            >
              {(member.role === 'owner' ? [...new Set(['owner', ...assignable])] : assignable).map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
            <button type="submit">{t('saveRole')}</button>
          </fetcher.Form>
        ) : (
          roleLabel(member.role)
        )}
        {error ? <FormMessage error={error} /> : null}
        {changedTo && fetcher.data?.intent === 'changeRole' ? (
          <p className="form-success" role="status">
            {t('roleChangedTo', { name: member.displayName, role: roleLabel(changedTo) })}
          </p>
        ) : null}
      </td>
      <td data-label={t('actions')}>
        {editable || isSelf ? (
          <fetcher.Form
            method="post"
            onSubmit={(e) => {
              const question = isSelf
                ? t('leaveConfirm', { workspace: workspace.name })
                : t('removeConfirm', { name: member.displayName, workspace: workspace.name });
              if (!window.confirm(question)) e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="membershipId" value={member.id} />
            <button type="submit" className="danger">
              {isSelf ? t('leave') : t('remove', { name: member.displayName })}
            </button>
          </fetcher.Form>
        ) : null}
      </td>
    </tr>
  );
}

const ROLE_GUIDE_ID = 'role-guide';

/** What each role may do, beside every role choice (and referenced by the selects). */
function RoleGuide() {
  const { t } = useTranslation('members');
  return (
    <section className="card role-guide" aria-labelledby="role-guide-heading">
      <h2 id="role-guide-heading">{t('roleGuide.title')}</h2>
      <dl id={ROLE_GUIDE_ID}>
        {MEMBERSHIP_ROLES.map((role) => (
          <div key={role}>
            <dt>{t(`common:roles.${role}`)}</dt>
            <dd>{t(`roleGuide.${role}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
