import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Env } from '@brobygger/env';
import { createLocalProvider } from './local/provider.ts';
import { createSupabaseProvider } from './supabase/provider.ts';
import type { AuthProvider } from './types.ts';

export type {
  AuthProvider,
  LinkRequestResult,
  LinkSignInResult,
  RegisterResult,
  Registration,
  Session,
  SignInResult,
  SignUpResult,
} from './types.ts';
export { MIN_PASSWORD_LENGTH } from './types.ts';
export { SIGN_IN_LINK_MINUTES } from './policy.ts';
export { CLIENT_ADDRESS_HEADER } from './local/provider.ts';
export { insertUser } from './local/users.ts';
export { createLocalProvider, createSupabaseProvider };

/** The provider the environment asks for: Supabase Auth when configured, else the local one. */
export function createAuthProvider(env: Env): AuthProvider {
  if (env.AUTH_PROVIDER === 'supabase') {
    return createSupabaseProvider({
      url: env.SUPABASE_URL!,
      key: (env.SUPABASE_PUBLISHABLE_KEY ?? env.SUPABASE_ANON_KEY)!,
      secureCookies: env.APP_URL.startsWith('https://'),
    });
  }
  return createLocalProvider({
    secret: new TextEncoder().encode(env.SESSION_SECRET ?? localSecret(env.DATA_DIR)),
    secureCookies: env.APP_URL.startsWith('https://'),
  });
}

/** Without SESSION_SECRET (embedded development), a random secret kept beside the data. */
function localSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
