import type { InputHTMLAttributes, ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled input whose error messages (i18n keys) are announced and tied to the field. */
export function Field({
  label,
  errors,
  errorValues,
  hint,
  ...input
}: {
  label: string;
  /** i18n keys, translated with `errorValues`. */
  errors?: string[] | undefined;
  errorValues?: Record<string, unknown>;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={
          [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
        }
        {...input}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.map((e) => t(e, errorValues)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({
  error,
  values,
  success,
}: {
  error?: string | undefined;
  /** Values for the error's placeholders (`count` also picks the plural form). */
  values?: Record<string, unknown> | undefined;
  success?: ReactNode;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p role="alert" className="form-error">
        {t(error, values)}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="form-success">
        {success}
      </p>
    );
  }
  return null;
}
