-- Local sign-in that survives the move to Supabase Auth (decision 032).
--  * The local provider's sign-in links leave auth.one_time_tokens (whose token_type enum has no
--    sign-in link in Supabase) for a table of its own in schema brobygger_auth, which the API does
--    not expose.
--  * Users it made before are completed as Supabase Auth reads them: the zero instance id, aud and
--    role, timestamps, and empty strings instead of NULL in the token columns GoTrue scans into Go
--    strings.
--  * Deleting the account of a workspace's last owner is refused, also for the auth admin, until the
--    workspace is handed over (app.hand_over_workspace, or the members page's role change).

-- ============================================================================
-- Schema
-- ============================================================================
create schema if not exists brobygger_auth;
revoke all on schema brobygger_auth from public;
grant usage on schema brobygger_auth to brobygger_auth;

-- ============================================================================
-- Tables
-- ============================================================================
-- One live link per user: a new link replaces the previous one. Only a hash of the token is kept.
create table brobygger_auth.link_tokens (
  user_id uuid primary key references auth.users (id) on delete cascade,
  token_hash text not null unique check (char_length(token_hash) > 0),
  created_at timestamptz not null default now()
);
comment on table brobygger_auth.link_tokens is
  'The local auth provider''s sign-in links (also used for password reset and e-mail confirmation).';

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on brobygger_auth.link_tokens from public, anon, authenticated;
grant select, insert, update, delete on brobygger_auth.link_tokens to brobygger_auth;

-- ============================================================================
-- Row-level security: the auth service's own table, like app.login_attempts; no API role has a
-- grant, and RLS keeps it that way should one ever be granted by mistake.
-- ============================================================================
alter table brobygger_auth.link_tokens enable row level security;

create policy "the auth service issues and uses sign-in links"
  on brobygger_auth.link_tokens for all to brobygger_auth
  using (true) with check (true);

-- ============================================================================
-- Data: users made by the local provider before, completed as Supabase Auth reads them
-- ============================================================================
-- GoTrue scans the token columns into Go strings and is_super_admin into a Go bool (NULL fails the
-- scan, and with it every sign-in of that user), and finds users by instance_id and aud. Users GoTrue made itself already have these.
update auth.users set
  instance_id = coalesce(instance_id, '00000000-0000-0000-0000-000000000000'),
  aud = coalesce(aud, 'authenticated'),
  role = coalesce(role, 'authenticated'),
  created_at = coalesce(created_at, now()),
  updated_at = coalesce(updated_at, created_at, now()),
  raw_app_meta_data = coalesce(raw_app_meta_data, '{"provider":"email","providers":["email"]}'),
  raw_user_meta_data = coalesce(raw_user_meta_data, '{}'),
  is_super_admin = coalesce(is_super_admin, false),
  confirmation_token = coalesce(confirmation_token, ''),
  recovery_token = coalesce(recovery_token, ''),
  email_change_token_new = coalesce(email_change_token_new, ''),
  email_change = coalesce(email_change, ''),
  email_change_token_current = coalesce(email_change_token_current, ''),
  phone_change = coalesce(phone_change, ''),
  phone_change_token = coalesce(phone_change_token, ''),
  reauthentication_token = coalesce(reauthentication_token, '')
where instance_id is null or aud is null or role is null or created_at is null or updated_at is null
  or raw_app_meta_data is null or raw_user_meta_data is null or is_super_admin is null
  or confirmation_token is null or recovery_token is null or email_change_token_new is null
  or email_change is null or email_change_token_current is null or phone_change is null
  or phone_change_token is null or reauthentication_token is null;

-- ============================================================================
-- Functions
-- ============================================================================
-- Before an account is deleted, by anyone (the auth admin as Supabase Auth does it, the privileged
-- path, a cascade): refused while the user is the only owner of a workspace, which the cascade to
-- memberships would otherwise leave without one. The membership guard cannot do it, as it trusts
-- every role that is not an API role. The message is the key (the API translates it); the detail
-- says what to do, for whoever reads a log.
create function app.refuse_deleting_last_owner()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  sole_owner_of text;
begin
  -- The same lock the membership guard takes: an owner leaving and another owner's account being
  -- deleted at once take turns, and each counts the owners the other left.
  perform 1 from public.tenants t
  where t.id in (select m.tenant_id from public.memberships m where m.user_id = old.id and m.role = 'owner')
  order by t.id
  for update;

  select t.slug into sole_owner_of
  from public.memberships m join public.tenants t on t.id = m.tenant_id
  where m.user_id = old.id and m.role = 'owner'
    and not exists (
      select 1 from public.memberships other
      where other.tenant_id = m.tenant_id and other.role = 'owner' and other.user_id <> old.id
    )
  order by t.slug
  limit 1;

  if sole_owner_of is not null then
    raise exception 'last_owner_account' using errcode = 'P0001',
      detail = pg_catalog.format(
        'User %s is the last owner of workspace "%s"; deleting the account would leave it without one.',
        old.id, sole_owner_of),
      hint = 'Make another member owner first (app.hand_over_workspace, or the members page), then delete the account.';
  end if;
  return old;
end;
$$;

-- The caller, an owner, makes one of the workspace's admins its owner and steps down to admin, in
-- one transaction. Security invoker: the members policies, the membership guard and the read-only
-- rule apply as to any role change.
create function app.hand_over_workspace(tenant uuid, to_member uuid)
returns void
language plpgsql security invoker set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.memberships m
    where m.tenant_id = tenant and m.user_id = (select auth.uid()) and m.role = 'owner'
  ) then
    raise exception 'only_owner_manages_owners' using errcode = 'P0001';
  end if;
  -- Said as such, rather than as "no such admin" when the policies hide the rows.
  if app.tenant_read_only(tenant) then
    raise exception 'workspace_read_only' using errcode = 'P0001';
  end if;
  update public.memberships set role = 'owner'
  where tenant_id = tenant and id = to_member and role = 'admin' and user_id <> (select auth.uid());
  if not found then
    raise exception 'member_not_found' using errcode = 'P0001';
  end if;
  update public.memberships set role = 'admin'
  where tenant_id = tenant and user_id = (select auth.uid());
end;
$$;

revoke execute on function app.refuse_deleting_last_owner() from public;
revoke execute on function app.hand_over_workspace(uuid, uuid) from public;
grant execute on function app.hand_over_workspace(uuid, uuid) to authenticated;

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger users_keep_workspace_owners before delete on auth.users
  for each row execute function app.refuse_deleting_last_owner();
