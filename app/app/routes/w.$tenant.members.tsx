import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from '@remix-run/react';
import type { Member } from '@brobygger/api';
import { MEMBERSHIP_ROLES } from '@brobygger/api/roles';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { Field, FormMessage } from '../components/form.tsx';
import { act, load, requireCaller, type ActionResult } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { useWorkspace } from './w.$tenant.tsx';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, session } = await requireCaller(request, context);
  const list = await load(() => api.members.list({ tenant: params.tenant ?? '' }));
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
      result = await act(() => api.members.invite({ tenant, email: field('email'), role: field('role') as never }), intent);
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
      result = { ok: false, error: 'errors:invalid_input' };
  }
  return data({ ...result, email: field('email') }, { status: result.ok ? 200 : 400 });
}

const ROLE_OPTIONS = MEMBERSHIP_ROLES;

export default function Members() {
  const { t } = useTranslation('members');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { members, invitations, userId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const canManage = workspace.role === 'owner' || workspace.role === 'admin';
  const assignable = ROLE_OPTIONS.filter((r) => r !== 'owner' || workspace.role === 'owner');
  const invite = actionData?.intent === 'invite' ? actionData : undefined;

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { workspace: workspace.name })}</p>

      <table className="table">
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
            <MemberRow key={m.id} member={m} isSelf={m.user_id === userId} canManage={canManage} assignable={assignable} />
          ))}
        </tbody>
      </table>

      {canManage ? (
        <>
          <section className="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t('invite.title')}</h2>
            <Form method="post" className="inline-form" noValidate key={invite?.ok ? invite.email : "invite"}>
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
                <select id="invite-role" name="role" defaultValue="coordinator">
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

          <section className="card" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{t('pending.title')}</h2>
            {invitations.length === 0 ? (
              <p>{t('pending.none')}</p>
            ) : (
              <ul className="plain-list">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email} · {t(`common:roles.${i.role}`)} · {t('pending.expires')} {formatDate(i.expires_at, locale)}{' '}
                    <Form method="post" className="inline">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="link-button" aria-label={t('pending.revoke', { email: i.email })}>
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
  const editable = canManage && (member.role !== 'owner' || workspace.role === 'owner');
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined;
  return (
    <tr>
      <td>
        {member.display_name} {isSelf ? <span className="muted">{t('you')}</span> : null}
      </td>
      <td>{member.email}</td>
      <td>
        {editable ? (
          <fetcher.Form method="post" className="inline-form compact">
            <input type="hidden" name="intent" value="changeRole" />
            <input type="hidden" name="membershipId" value={member.id} />
            <input type="hidden" name="version" value={member.version} />
            <select name="role" defaultValue={member.role} aria-label={t('changeRole', { name: member.display_name })} key={member.version}>
              {(member.role === 'owner' ? [...new Set(['owner', ...assignable])] : assignable).map((r) => (
                <option key={r} value={r}>
                  {t(`common:roles.${r}`)}
                </option>
              ))}
            </select>
            <button type="submit">{t('saveRole')}</button>
          </fetcher.Form>
        ) : (
          t(`common:roles.${member.role}`)
        )}
        {error ? <FormMessage error={error} /> : null}
      </td>
      <td>
        {editable || isSelf ? (
          <fetcher.Form
            method="post"
            onSubmit={(e) => {
              if (!window.confirm(t('removeConfirm', { name: member.display_name, workspace: workspace.name }))) e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="membershipId" value={member.id} />
            <button type="submit" className="danger">
              {isSelf ? t('leave') : t('remove', { name: member.display_name })}
            </button>
          </fetcher.Form>
        ) : null}
      </td>
    </tr>
  );
}
