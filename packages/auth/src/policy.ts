/** Password rules, importable by the browser bundle (this module has no dependencies). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * How long a sign-in link works. Short: it is as good as the password while it lasts. With
 * Supabase Auth, set its e-mail OTP expiry to the same (see README).
 */
export const SIGN_IN_LINK_MINUTES = 15;
