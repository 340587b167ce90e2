/** Password rules, importable by the browser bundle (this module has no dependencies). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * How long a sign-in link works. Short: it is as good as the password while it lasts. With
 * Supabase Auth, set its e-mail OTP expiry to the same (see README).
 */
export const SIGN_IN_LINK_MINUTES = 15;

/**
 * Upper bounds. 72 is Supabase Auth's limit: bcrypt, the hash both providers store (decision 032),
 * reads no further, so a longer password would be partly ignored. 254 is the longest e-mail
 * address SMTP can carry (RFC 5321).
 */
export const MAX_PASSWORD_LENGTH = 72;

/**
 * Whether bcrypt reads all of a new password: it stops at 72 bytes, which letters such as æ, ø
 * and å (two bytes each) reach before 72 characters.
 */
export const fitsPasswordHash = (password: string) => new TextEncoder().encode(password).length <= MAX_PASSWORD_LENGTH;
export const MAX_EMAIL_LENGTH = 254;

/**
 * After signing in by link (the "forgot password" way in), this many minutes in which a new
 * password may be set without the current one. After that, or after any other sign-in, changing
 * the password asks for the current one, so a session left open is not a password reset.
 */
export const PASSWORD_RESET_MINUTES = 15;
