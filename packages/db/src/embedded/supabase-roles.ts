/**
 * The facts about a Supabase project's database roles that Brobygger relies on, as Supabase has
 * them (supabase/postgres: migrations/db/init-scripts/00000000000000-initial-schema.sql,
 * 10000000000000_demote-postgres.sql, 20250605172253_grant_with_admin_to_postgres_16_and_above.sql,
 * 20240627101908_revoke_supabase_auth_admin_from_postgres.sql,
 * 20211124212715_update-auth-owner.sql), plus the project's own login roles. The embedded
 * platform (supabase-roles.sql, supabase-auth-owners.sql, the request_role migration) must match
 * them; packages/db/test/supabase-facts.test.ts reads the live catalogue and fails on any drift.
 * Change a fact here only when Supabase changes it, and then the SQL with it.
 */

export type RoleFacts = {
  superuser: boolean;
  login: boolean;
  inherit: boolean;
  createrole: boolean;
  createdb: boolean;
  replication: boolean;
  bypassrls: boolean;
  /** Roles it is a member of, with whether it may grant them on (ADMIN OPTION). */
  memberOf: Record<string, { admin: boolean }>;
  /** `alter role ... set` settings, as pg_db_role_setting stores them. */
  settings: string[];
};

const none = {
  superuser: false,
  login: false,
  inherit: false,
  createrole: false,
  createdb: false,
  replication: false,
  bypassrls: false,
  memberOf: {},
  settings: [],
} satisfies RoleFacts;

export const SUPABASE_ROLES: Record<string, RoleFacts> = {
  /** The bootstrap superuser: makes the cluster and the platform objects, and nothing else. */
  supabase_admin: {
    ...none,
    superuser: true,
    login: true,
    inherit: true,
    createrole: true,
    createdb: true,
    replication: true,
    bypassrls: true,
  },
  /** What migrations, the seed and the privileged pool log in as. Not a superuser. */
  postgres: {
    ...none,
    login: true,
    inherit: true,
    createrole: true,
    createdb: true,
    replication: true,
    bypassrls: true,
    memberOf: {
      anon: { admin: true },
      authenticated: { admin: true },
      service_role: { admin: true },
      // Postgres 16+: a CREATEROLE role holds ADMIN OPTION on the roles it creates (the migration's).
      brobygger_api: { admin: true },
    },
  },
  anon: { ...none, settings: ['statement_timeout=3s'] },
  authenticated: { ...none, settings: ['statement_timeout=8s'] },
  service_role: { ...none, bypassrls: true },
  /** PostgREST's, reserved on hosted Supabase: the app does not log in as it. */
  authenticator: {
    ...none,
    login: true,
    memberOf: { anon: { admin: false }, authenticated: { admin: false }, service_role: { admin: false } },
    settings: ['lock_timeout=8s', 'statement_timeout=8s'],
  },
  /** Supabase Auth's: owns schema auth, its tables and its helper functions. */
  supabase_auth_admin: { ...none, login: true, settings: ['search_path=auth'] },
  /** The request path (decision 031): only anon and authenticated, with timeouts of its own. */
  brobygger_api: {
    ...none,
    login: true,
    memberOf: { anon: { admin: false }, authenticated: { admin: false } },
    settings: ['idle_in_transaction_session_timeout=30s', 'lock_timeout=3s', 'statement_timeout=8s'],
  },
  /** The local auth provider's (decision 012): auth.* tables and login attempts only. */
  brobygger_auth: { ...none, login: true },
};

/** The owners of the auth helper functions the policies call. */
export const AUTH_FUNCTION_OWNERS: Record<string, string> = {
  'auth.uid()': 'supabase_auth_admin',
  'auth.role()': 'supabase_auth_admin',
  'auth.email()': 'supabase_auth_admin',
  'auth.jwt()': 'supabase_auth_admin',
};

/** Who owns schema auth, and that `postgres` may use it but not create objects in it. */
export const AUTH_SCHEMA = { owner: 'supabase_auth_admin', postgres: { usage: true, create: false } };
