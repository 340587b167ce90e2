import { describe, expect, it } from 'vitest';
import { ZEmailInput, ZNewPassword, ZSignInForm, firstProblem } from './credentials.ts';

const problem = (input: unknown) => {
  const parsed = ZSignInForm.safeParse(input);
  return parsed.success ? null : firstProblem(parsed.error);
};

describe('sign-in form', () => {
  it('accepts an ordinary sign-in', () => {
    expect(problem({ email: ' sara@demo.brobygger.dk ', password: 'brobygger-demo' })).toBeNull();
  });

  it('refuses a password over 72 characters with a translated message', () => {
    expect(problem({ email: 'sara@demo.brobygger.dk', password: 'x'.repeat(72) })).toBeNull();
    expect(problem({ email: 'sara@demo.brobygger.dk', password: 'x'.repeat(73) })).toBe('errors:password_too_long');
  });

  it('refuses an e-mail address over 254 characters with a translated message', () => {
    const at = '@demo.brobygger.dk';
    expect(ZEmailInput.safeParse('a'.repeat(254 - at.length) + at).success).toBe(true);
    expect(problem({ email: 'a'.repeat(255 - at.length) + at, password: 'x' })).toBe('errors:email_too_long');
  });

  it('asks for what is missing', () => {
    expect(problem({ email: '', password: 'x' })).toBe('auth:missing');
    expect(problem({ email: 'sara@demo.brobygger.dk', password: '' })).toBe('auth:missing');
  });
});

describe('new password', () => {
  it('is between 10 and 72 characters (what bcrypt, and so Supabase Auth, reads)', () => {
    expect(ZNewPassword.safeParse('x'.repeat(9)).error?.issues[0]?.message).toBe('errors:weak_password');
    expect(ZNewPassword.safeParse('x'.repeat(73)).error?.issues[0]?.message).toBe('errors:password_too_long');
    expect(ZNewPassword.safeParse('x'.repeat(72)).success).toBe(true);
    expect(ZNewPassword.safeParse('x'.repeat(10)).success).toBe(true);
  });

  it('is refused when its letters take more than 72 bytes, although fewer than 72 characters', () => {
    expect(ZNewPassword.safeParse('æøå'.repeat(13)).error?.issues[0]?.message).toBe('errors:password_too_long');
    expect(ZNewPassword.safeParse('æøå'.repeat(12)).success).toBe(true);
  });
});
