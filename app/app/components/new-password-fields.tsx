import { MIN_PASSWORD_LENGTH } from '@brobygger/auth/policy';
import { CREDENTIAL_VALUES } from '../lib/credentials.ts';
import { Field } from './form.tsx';

/**
 * A new password typed twice (fields `password` and `confirm`), with the length rule as a hint:
 * signing up by invitation and the account page ask for it the same way.
 */
export function NewPasswordFields({
  labels,
  fieldErrors,
}: {
  /** Translated; `hint` gets `{ min }` from the caller's t(). */
  labels: { password: string; confirm: string; hint: (values: { min: number }) => string };
  fieldErrors: Record<string, string[] | undefined> | undefined;
}) {
  return (
    <>
      <Field
        label={labels.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={labels.hint({ min: MIN_PASSWORD_LENGTH })}
        errors={fieldErrors?.password}
        errorValues={CREDENTIAL_VALUES}
      />
      <Field
        label={labels.confirm}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={fieldErrors?.confirm}
      />
    </>
  );
}
