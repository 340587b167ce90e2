/**
 * Supabase Auth's tables as Supabase Auth (GoTrue v2) leaves them after its migrations, as far as
 * this app depends on them: the local provider writes users and sessions there, the migrations
 * reference auth.users, and a later move to Supabase Auth must find rows it can read. Recorded
 * from GoTrue's migrations (users: 00_init_auth_schema through add_is_anonymous_column; sessions:
 * add_sessions_table, add_aal_and_factor_id_to_sessions, add_refreshed_at/user_agent/ip/tag;
 * one_time_tokens: 20240427152123_add_one_time_tokens_table), in the form Postgres prints them
 * (format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef), so the schema test
 * (packages/db/test/supabase-auth-tables.test.ts) compares them with the embedded imitation
 * (supabase-platform.sql) string for string. Change this file only when Supabase Auth changes.
 */

export type ColumnFact = {
  name: string;
  /** As format_type() prints it. */
  type: string;
  nullable: boolean;
  /** As pg_get_expr() prints the default, or the expression of a generated column. */
  default: string | null;
  generated?: true;
};

export type TableFacts = {
  columns: ColumnFact[];
  /** `name: definition` as pg_get_constraintdef() prints it. */
  constraints: string[];
  /** pg_get_indexdef() of each index that does not back a constraint. */
  indexes: string[];
};

const col = (name: string, type: string, nullable = true, def: string | null = null): ColumnFact => ({
  name,
  type,
  nullable,
  default: def,
});

const VARCHAR = 'character varying(255)';
const TIMESTAMPTZ = 'timestamp with time zone';
const EMPTY = "''::character varying";
/** Token look-ups are unique unless the token is a numeric one-time code (those may repeat). */
const tokenIndex = (column: string) =>
  `CREATE UNIQUE INDEX ${column}_idx ON auth.users USING btree (${column}) WHERE ((${column})::text !~ '^[0-9 ]*$'::text)`;

export const SUPABASE_AUTH_ENUMS: Record<string, string[]> = {
  'auth.aal_level': ['aal1', 'aal2', 'aal3'],
  'auth.one_time_token_type': [
    'confirmation_token',
    'reauthentication_token',
    'recovery_token',
    'email_change_token_new',
    'email_change_token_current',
    'phone_change_token',
  ],
};

export const SUPABASE_AUTH_TABLES: Record<'users' | 'sessions' | 'one_time_tokens', TableFacts> = {
  users: {
    columns: [
      col('instance_id', 'uuid'),
      col('id', 'uuid', false),
      col('aud', VARCHAR),
      col('role', VARCHAR),
      col('email', VARCHAR),
      col('encrypted_password', VARCHAR),
      col('email_confirmed_at', TIMESTAMPTZ),
      col('invited_at', TIMESTAMPTZ),
      col('confirmation_token', VARCHAR),
      col('confirmation_sent_at', TIMESTAMPTZ),
      col('recovery_token', VARCHAR),
      col('recovery_sent_at', TIMESTAMPTZ),
      col('email_change_token_new', VARCHAR),
      col('email_change', VARCHAR),
      col('email_change_sent_at', TIMESTAMPTZ),
      col('last_sign_in_at', TIMESTAMPTZ),
      col('raw_app_meta_data', 'jsonb'),
      col('raw_user_meta_data', 'jsonb'),
      col('is_super_admin', 'boolean'),
      col('created_at', TIMESTAMPTZ),
      col('updated_at', TIMESTAMPTZ),
      col('phone', 'text', true, 'NULL::character varying'),
      col('phone_confirmed_at', TIMESTAMPTZ),
      col('phone_change', 'text', true, EMPTY),
      col('phone_change_token', VARCHAR, true, EMPTY),
      col('phone_change_sent_at', TIMESTAMPTZ),
      { ...col('confirmed_at', TIMESTAMPTZ, true, 'LEAST(email_confirmed_at, phone_confirmed_at)'), generated: true },
      col('email_change_token_current', VARCHAR, true, EMPTY),
      col('email_change_confirm_status', 'smallint', true, '0'),
      col('banned_until', TIMESTAMPTZ),
      col('reauthentication_token', VARCHAR, true, EMPTY),
      col('reauthentication_sent_at', TIMESTAMPTZ),
      col('is_sso_user', 'boolean', false, 'false'),
      col('deleted_at', TIMESTAMPTZ),
      col('is_anonymous', 'boolean', false, 'false'),
    ],
    constraints: [
      'users_email_change_confirm_status_check: CHECK (((email_change_confirm_status >= 0) AND (email_change_confirm_status <= 2)))',
      'users_phone_key: UNIQUE (phone)',
      'users_pkey: PRIMARY KEY (id)',
    ],
    indexes: [
      tokenIndex('confirmation_token'),
      tokenIndex('email_change_token_current'),
      tokenIndex('email_change_token_new'),
      tokenIndex('reauthentication_token'),
      tokenIndex('recovery_token'),
      'CREATE UNIQUE INDEX users_email_partial_key ON auth.users USING btree (email) WHERE (is_sso_user = false)',
      'CREATE INDEX users_instance_id_email_idx ON auth.users USING btree (instance_id, lower((email)::text))',
      'CREATE INDEX users_instance_id_idx ON auth.users USING btree (instance_id)',
      'CREATE INDEX users_is_anonymous_idx ON auth.users USING btree (is_anonymous)',
    ],
  },
  sessions: {
    columns: [
      col('id', 'uuid', false),
      col('user_id', 'uuid', false),
      col('created_at', TIMESTAMPTZ),
      col('updated_at', TIMESTAMPTZ),
      col('factor_id', 'uuid'),
      col('aal', 'auth.aal_level'),
      col('not_after', TIMESTAMPTZ),
      col('refreshed_at', 'timestamp without time zone'),
      col('user_agent', 'text'),
      col('ip', 'inet'),
      col('tag', 'text'),
    ],
    constraints: [
      'sessions_pkey: PRIMARY KEY (id)',
      'sessions_user_id_fkey: FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE',
    ],
    indexes: [
      'CREATE INDEX sessions_not_after_idx ON auth.sessions USING btree (not_after DESC)',
      'CREATE INDEX sessions_user_id_idx ON auth.sessions USING btree (user_id)',
      'CREATE INDEX user_id_created_at_idx ON auth.sessions USING btree (user_id, created_at)',
    ],
  },
  one_time_tokens: {
    columns: [
      col('id', 'uuid', false),
      col('user_id', 'uuid', false),
      col('token_type', 'auth.one_time_token_type', false),
      col('token_hash', 'text', false),
      col('relates_to', 'text', false),
      col('created_at', 'timestamp without time zone', false, 'now()'),
      col('updated_at', 'timestamp without time zone', false, 'now()'),
    ],
    constraints: [
      'one_time_tokens_pkey: PRIMARY KEY (id)',
      'one_time_tokens_token_hash_check: CHECK ((char_length(token_hash) > 0))',
      'one_time_tokens_user_id_fkey: FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE',
    ],
    indexes: [
      'CREATE INDEX one_time_tokens_relates_to_hash_idx ON auth.one_time_tokens USING hash (relates_to)',
      'CREATE INDEX one_time_tokens_token_hash_hash_idx ON auth.one_time_tokens USING hash (token_hash)',
      'CREATE UNIQUE INDEX one_time_tokens_user_id_token_type_key ON auth.one_time_tokens USING btree (user_id, token_type)',
    ],
  },
};

/** The instance id Supabase Auth gives every user of a project. */
export const SUPABASE_INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Columns of auth.users that Supabase Auth scans into Go strings: a NULL there fails the scan,
 * and with it every sign-in of that user. A user written by anyone but Supabase Auth holds ''.
 */
export const USER_STRING_COLUMNS = [
  'confirmation_token',
  'recovery_token',
  'email_change_token_new',
  'email_change',
  'email_change_token_current',
  'phone_change',
  'phone_change_token',
  'reauthentication_token',
] as const;

/**
 * What every user row holds besides its own id, e-mail, password and metadata, as Supabase Auth
 * writes it: `insert into auth.users (id, email, ..., ${columns}) values (..., ${values})`.
 * Shared by the local provider and the test helpers, so that both make users Supabase Auth reads.
 */
export const SUPABASE_USER_FILL = {
  columns: ['instance_id', 'aud', 'role', 'is_super_admin', 'created_at', 'updated_at', ...USER_STRING_COLUMNS].join(
    ', ',
  ),
  values: [
    `'${SUPABASE_INSTANCE_ID}'`,
    "'authenticated'",
    "'authenticated'",
    'false',
    'now()',
    'now()',
    ...USER_STRING_COLUMNS.map(() => "''"),
  ].join(', '),
};
