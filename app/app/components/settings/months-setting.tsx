import { Form, useActionData, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { ActionResult } from '../../lib/api.server.ts';
import { Field, FormMessage } from '../form.tsx';
import './months-setting.css';

export type MonthsActionData = ActionResult<{ months: number | null }>;

/**
 * One workspace setting counted in months, as a settings section: its heading and text, a short
 * number field with its button, and what was saved. The page's action tells the sections apart by
 * `intent`, so a message shows under the section that was saved, not under all of them.
 */
export function MonthsSetting({
  intent,
  title,
  intro,
  label,
  hint,
  value,
  min,
  max,
  required,
  saveLabel,
  savedText,
  children,
}: {
  intent: string;
  title: string;
  intro: string;
  label: string;
  hint?: string;
  value: number | null;
  min: number;
  max: number;
  required?: boolean;
  saveLabel: string;
  /** The confirmation for a saved value. */
  savedText: (months: number | null) => string;
  /** More about the setting, under the form (e.g. what the job did last). */
  children?: ReactNode;
}) {
  const result = useActionData<MonthsActionData>();
  const busy = useNavigation().state !== 'idle';
  const mine = result?.intent === intent ? result : undefined;
  const titleId = `${intent}-title`;
  return (
    <section className="settings-section months-setting" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p>{intro}</p>
      <Form method="post" className="months-form">
        <input type="hidden" name="intent" value={intent} />
        <Field
          label={label}
          name="months"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          required={required}
          defaultValue={value ?? ''}
          hint={hint}
          errors={mine && !mine.ok ? mine.fieldErrors?.months : undefined}
        />
        <button type="submit" disabled={busy}>
          {saveLabel}
        </button>
      </Form>
      <FormMessage
        error={mine && !mine.ok && !mine.fieldErrors?.months ? mine.error : undefined}
        success={mine?.ok ? savedText(mine.data.months) : undefined}
      />
      {children}
    </section>
  );
}
