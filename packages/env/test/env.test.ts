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

  it('keeps 10 request connections per process unless told, and refuses what is not a count', () => {
    expect(parseEnv({}).DATABASE_POOL_MAX).toBe(10);
    expect(parseEnv({ DATABASE_POOL_MAX: '5' }).DATABASE_POOL_MAX).toBe(5);
    for (const bad of ['0', '2.5', 'many', '1000']) {
      expect(() => parseEnv({ DATABASE_POOL_MAX: bad })).toThrowError(/DATABASE_POOL_MAX/);
    }
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

  describe('in production', () => {
    const PRODUCTION = {
      NODE_ENV: 'production',
      APP_URL: 'https://brobygger.example',
      SMTP_URL: 'smtp://mail.example:587',
      SEED_DEMO: 'false',
    };
    const problems = (vars: Record<string, string | undefined>) => {
      try {
        parseEnv(vars);
        return [];
      } catch (e) {
        return (e as EnvError).problems;
      }
    };

    it('starts with SMTP, an https address and no demo data', () => {
      expect(problems(PRODUCTION)).toEqual([]);
    });

    it('refuses to start without SMTP: sign-in links and invitations would go to the log', () => {
      expect(problems({ ...PRODUCTION, SMTP_URL: undefined })).toEqual([
        expect.stringMatching(/^SMTP_URL is required/),
      ]);
    });

    it('refuses an APP_URL that is not https (or none)', () => {
      expect(problems({ ...PRODUCTION, APP_URL: 'http://brobygger.example' })).toEqual([
        expect.stringMatching(/^APP_URL must be https/),
      ]);
      expect(problems({ ...PRODUCTION, APP_URL: undefined })).toEqual([expect.stringMatching(/^APP_URL/)]);
    });

    it('refuses demo data, which the embedded database would otherwise load', () => {
      expect(problems({ ...PRODUCTION, SEED_DEMO: 'true' })).toEqual([expect.stringMatching(/^SEED_DEMO/)]);
      expect(problems({ ...PRODUCTION, SEED_DEMO: undefined })).toEqual([expect.stringMatching(/^SEED_DEMO/)]);
    });

    it('DEMO_MODE runs the production build as a local demo (npm start), on the embedded database only', () => {
      const demo = parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true' });
      expect(demo).toMatchObject({ demoMode: true, seedDemo: true, APP_URL: 'http://localhost:3000' });
      expect(
        problems({
          NODE_ENV: 'production',
          DEMO_MODE: 'true',
          DATABASE_URL: 'postgres://a',
          DATABASE_ADMIN_URL: 'postgres://b',
          DATABASE_AUTH_URL: 'postgres://c',
        }),
      ).toContainEqual(expect.stringMatching(/^DEMO_MODE .*embedded database/));
    });
  });
});
