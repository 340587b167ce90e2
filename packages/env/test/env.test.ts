import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/index.ts';

describe('parseEnv', () => {
  it('defaults to the embedded database and local auth', () => {
    const env = parseEnv({});
    expect(env.embeddedDatabase).toBe(true);
    expect(env.AUTH_PROVIDER).toBe('local');
    expect(env.PORT).toBe(3000);
    expect(env.seedDemo).toBe(true);
  });

  it('names the missing variable when only DATABASE_URL is given', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgres://x' })).toThrowError(/DATABASE_ADMIN_URL is required/);
  });

  it('requires a Supabase key when SUPABASE_URL selects the supabase provider', () => {
    try {
      parseEnv({ SUPABASE_URL: 'https://example.supabase.co' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      expect((e as EnvError).problems.join()).toMatch(/SUPABASE_ANON_KEY/);
    }
    expect(parseEnv({ SUPABASE_URL: 'https://example.supabase.co', SUPABASE_PUBLISHABLE_KEY: 'k' }).AUTH_PROVIDER).toBe(
      'supabase',
    );
  });

  it('refuses a short session secret and a non-numeric port', () => {
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrowError(/SESSION_SECRET must be at least 32/);
    expect(() => parseEnv({ PORT: 'abc' })).toThrowError(/PORT/);
  });

  it('counts trusted proxy hops: none by default, a whole number otherwise', () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ['-1', '1.5', 'yes']) {
      expect(() => parseEnv({ TRUSTED_PROXY_HOPS: bad })).toThrowError(/TRUSTED_PROXY_HOPS/);
    }
  });

  it('needs the auth role’s URL for the local provider with an external database', () => {
    const external = { DATABASE_URL: 'postgres://a', DATABASE_ADMIN_URL: 'postgres://b' };
    expect(() => parseEnv(external)).toThrowError(/DATABASE_AUTH_URL is required/);
    expect(parseEnv({ ...external, DATABASE_AUTH_URL: 'postgres://c' }).DATABASE_AUTH_URL).toBe('postgres://c');
  });
});
