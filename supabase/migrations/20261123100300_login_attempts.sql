-- Failed sign-in attempts, for rate limiting the local auth provider across app instances.
-- Only the privileged auth path touches this table: no grants, RLS on, no policies.

create table app.login_attempts (
  key text not null,
  attempted_at timestamptz not null default now()
);

create index login_attempts_key_attempted_at_idx on app.login_attempts (key, attempted_at);

revoke all on app.login_attempts from public, anon, authenticated;

alter table app.login_attempts enable row level security;
