import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { matches } from '@brobygger/api/rosters';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { act, load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** The participants a match may be for, and the volunteers suggested for it (matching help). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  return load(async () => {
    const [suggestions, listed] = await Promise.all([
      api.matches.suggestions({ tenant }),
      api.matches.list({ tenant }),
    ]);
    return { suggestions, participants: listed.lookups.participantId ?? [] };
  }, request);
}

const FIELDS = ['participantId', 'volunteerId', 'coVolunteerId', 'intakeOn', 'startsOn', 'plannedEndOn'] as const;
type Values = Partial<Record<(typeof FIELDS)[number], string>>;
type Problem = { error: string; fieldErrors?: Record<string, string[] | undefined>; values: Values };

/**
 * Proposes the match through the roster's own save, so it is checked exactly as a row typed into
 * the grid would be; then opens it. Refusals come back to the form with the values as entered.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const form = await request.formData();
  const values: Values = {};
  for (const name of FIELDS) {
    const value = form.get(name);
    if (typeof value === 'string' && value !== '') values[name] = value;
  }
  const row = { ...matches.newRow(), ...values, id: crypto.randomUUID(), version: null };
  const result = await act(() => api.matches.save({ tenant, upserts: [row], deletes: [] }));
  if (!result.ok) return data<Problem>({ error: result.error, fieldErrors: result.fieldErrors, values }, result.status);
  if (result.data.ok) return redirect(`/w/${tenant}/matches/${row.id}`);
  // A new row has no version to conflict with: what comes back are the cells the schema refused.
  const fieldErrors = fieldErrorsOf(result.data.errors);
  return data<Problem>({ error: 'errors:save_invalid', fieldErrors, values }, 400);
}

const fieldErrorsOf = (errors: { field: string; message: string }[]) => {
  const out: Record<string, string[]> = {};
  for (const e of errors) (out[e.field] ??= []).push(e.message);
  return out;
};

export const meta = titleMeta('matches:proposeTitle');

export default function ProposeMatch() {
  const { t } = useTranslation('matches');
  const workspace = useWorkspace();
  const { suggestions, participants } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const values = problem?.values ?? {};
  const errorsOf = (name: (typeof FIELDS)[number]) => problem?.fieldErrors?.[name];
  const suggestionsId = useId();
  return (
    <div className="page">
      <p>
        <Link to={`/w/${workspace.slug}/matches`}>{t('back')}</Link>
      </p>
      <h1>{t('proposeTitle')}</h1>
      <p className="muted">{t('proposeIntro')}</p>
      <Form method="post" className="card propose-match" noValidate>
        <FormMessage error={problem && !problem.fieldErrors ? problem.error : undefined} />
        <Select
          name="participantId"
          label={t('fields.participantId')}
          defaultValue={values.participantId ?? ''}
          errors={errorsOf('participantId')}
          options={[
            { value: '', label: t('chooseParticipant') },
            ...participants.map((p) => ({ value: p.id, label: p.detail ? `${p.label} (${p.detail})` : p.label })),
          ]}
        />
        <fieldset aria-describedby={suggestionsId}>
          <legend>{t('suggestionsTitle')}</legend>
          <p id={suggestionsId} className="hint">
            {t('suggestionsIntro')}
          </p>
          {suggestions.length === 0 ? (
            <p>{t('noSuggestions')}</p>
          ) : (
            <ul className="plain-list">
              {suggestions.map((s) => (
                <li key={s.id}>
                  <label className="choice">
                    <input type="radio" name="volunteerId" value={s.id} defaultChecked={values.volunteerId === s.id} />
                    <span>{s.name}</span>
                    <span className="muted">{t('currentMatches', { count: s.currentMatches })}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldErrors errors={errorsOf('volunteerId')} />
        </fieldset>
        <Select
          name="coVolunteerId"
          label={t('columns.coVolunteerId')}
          defaultValue={values.coVolunteerId ?? ''}
          errors={errorsOf('coVolunteerId')}
          options={[
            { value: '', label: t('noCoVolunteer') },
            ...suggestions.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <div className="inline-form">
          <Field
            type="date"
            name="intakeOn"
            label={t('columns.intakeOn')}
            defaultValue={values.intakeOn}
            errors={errorsOf('intakeOn')}
          />
          <Field
            type="date"
            name="startsOn"
            label={t('columns.startsOn')}
            defaultValue={values.startsOn}
            errors={errorsOf('startsOn')}
          />
          <Field
            type="date"
            name="plannedEndOn"
            label={t('columns.plannedEndOn')}
            hint={t('plannedEndHint')}
            defaultValue={values.plannedEndOn}
            errors={errorsOf('plannedEndOn')}
          />
        </div>
        <p>
          <button type="submit" className="primary" disabled={busy}>
            {t('submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}

function FieldErrors({ errors }: { errors: string[] | undefined }) {
  const { t } = useTranslation();
  return errors?.length ? <p className="field-error">{errors.map((e) => t(e)).join(' ')}</p> : null;
}

/** A labelled list to choose from, its errors announced with it. */
function Select({
  name,
  label,
  options,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue: string;
  errors: string[] | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <div id={`${id}-error`}>
          <FieldErrors errors={errors} />
        </div>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
