import { fitsPasswordHash, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@brobygger/auth/policy';
import { z } from 'zod';

/** Messages are i18n keys; `values` holds their placeholders. */
export const ZEmailInput = z
  .string()
  .trim()
  .min(1, 'auth:missing')
  .max(MAX_EMAIL_LENGTH, 'errors:email_too_long')
  .pipe(z.email('errors:invalid_email'));

/** A password being typed to sign in: any length the account could have, no longer. */
export const ZPasswordInput = z.string().min(1, 'auth:missing').max(MAX_PASSWORD_LENGTH, 'errors:password_too_long');

/** A new password. */
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, 'errors:weak_password')
  .max(MAX_PASSWORD_LENGTH, 'errors:password_too_long')
  // Letters such as æ, ø and å take two of the hash's 72 bytes.
  .refine(fitsPasswordHash, 'errors:password_too_long');

export const ZSignInForm = z.object({ email: ZEmailInput, password: ZPasswordInput });

/** The placeholders each credential message needs. */
export const CREDENTIAL_VALUES = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH, maxEmail: MAX_EMAIL_LENGTH };

/** The first problem with a form, as a message key (for forms that show one message). */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'errors:invalid_input';
}
