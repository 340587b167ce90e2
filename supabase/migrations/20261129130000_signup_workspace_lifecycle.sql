-- Workspaces that people create, close and reopen themselves, that an operator can suspend, and
-- that are read-only while closed or suspended (decision 028).
--
-- Read-only has one definition, app.tenant_read_only(tenant), used in two places:
--   1. app.tenants_where(action) / app.tenants_where_own(action) leave read-only workspaces out for
--      the actions that write (app.action_grants.writes), so every policy that names a writing
--      action refuses there, and the API's one middleware answers the same before the database;
--   2. a statement-level trigger on every workspace table a member writes refuses the rows of a
--      read-only workspace, so that security-definer functions (erasure, accepting an invitation,
--      answering a partnership) refuse too, with the error key `workspace_read_only`.
-- The privileged path (jobs, the operator's console, seeding) is not a member and is not refused.

-- ============================================================================
-- Functions: Danish organisation numbers (mirror packages/api/src/validation/danish-ids.ts)
-- ============================================================================

-- CVR: eight digits, weights 2,7,6,5,4,3,2,1, the sum divisible by 11.
create function app.cvr_is_valid(cvr text)
returns boolean
language sql immutable parallel safe set search_path = ''
as $$
  -- case, not `and`: SQL does not promise to test the pattern before casting the digits.
  select case when cvr !~ '^[0-9]{8}$' then false else (
    select sum(substr(cvr, i, 1)::int * (array[2, 7, 6, 5, 4, 3, 2, 1])[i]) % 11 = 0
    from generate_series(1, 8) as i
  ) end;
$$;

-- EAN location number (GLN): thirteen digits, the last a GS1 mod-10 check digit.
create function app.ean_is_valid(ean text)
returns boolean
language sql immutable parallel safe set search_path = ''
as $$
  select case when ean !~ '^[0-9]{13}$' then false else (
    select (10 - sum(substr(ean, i, 1)::int * case when i % 2 = 1 then 1 else 3 end) % 10) % 10
           = substr(ean, 13, 1)::int
    from generate_series(1, 12) as i
  ) end;
$$;

-- ============================================================================
-- Tables: the workspace's contact, who created it, and its lifecycle
-- ============================================================================
alter table public.tenants
  add column contact_name text check (length(btrim(contact_name)) between 1 and 200),
  add column contact_email text check (contact_email = lower(contact_email) and contact_email ~ '^[^@\s]+@[^@\s]+$' and length(contact_email) <= 254),
  add column contact_phone text check (contact_phone ~ '^\+?[0-9 ]{6,20}$'),
  -- Who created it by signing up (null for workspaces made on the privileged path); used to limit
  -- how many workspaces one person creates in a day.
  add column created_by uuid references auth.users (id) on delete set null,
  -- Closed by its owner: read-only, deleted for good at delete_after unless reopened before.
  add column closed_at timestamptz,
  add column delete_after timestamptz,
  -- Suspended by the operator: read-only until restored.
  add column suspended_at timestamptz,
  add column suspended_reason text check (length(btrim(suspended_reason)) between 1 and 500),
  add constraint tenants_cvr_check_digit check (app.cvr_is_valid(cvr)),
  add constraint tenants_ean_check_digit check (app.ean_is_valid(ean)),
  add constraint tenants_closed_has_deletion_date check ((closed_at is null) = (delete_after is null)),
  add constraint tenants_suspended_has_reason check ((suspended_at is null) = (suspended_reason is null));

-- Accounts of the company running the service. Read only on the privileged path (the operator's
-- console checks membership here with the server's admin connection); no API role has any grant,
-- and row-level security without policies hides it even from a grant added by mistake.
create table app.operators (
  user_id uuid primary key references auth.users (id) on delete cascade,
  added_at timestamptz not null default now()
);
comment on table app.operators is 'Accounts that may open the operator''s console (privileged path only).';

-- Which actions write: refused in a read-only workspace. Reading actions (and exports) keep working.
alter table app.action_grants add column writes boolean not null default false;
update app.action_grants set writes = true where action in (
  'workspace.manage', 'members.manage', 'members.manageOwners', 'roster.edit', 'courses.edit',
  'attendance.record', 'matches.logMeeting', 'meetings.edit', 'expenses.submit', 'expenses.approve',
  'settings.manage', 'partnerships.manage', 'people.erase'
);
-- Closing and reopening is the owner's, and works in a read-only workspace (reopening must).
insert into app.action_grants (action, roles, own_roles, writes) values ('workspace.close', '{owner}', '{}', false);

-- ============================================================================
-- Indexes
-- ============================================================================
create index tenants_created_by_created_at_idx on public.tenants (created_by, created_at) where created_by is not null;
create index tenants_delete_after_idx on public.tenants (delete_after) where delete_after is not null;

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on app.operators from public, anon, authenticated, service_role;
alter table app.operators enable row level security;
grant update (contact_name, contact_email, contact_phone) on public.tenants to authenticated;

-- ============================================================================
-- Functions: read-only
-- ============================================================================

-- Whether members may change nothing in the workspace: closed by its owner or suspended by the
-- operator. An unknown workspace is not read-only (there is nothing to write to anyway).
create function app.tenant_read_only(tenant uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select t.closed_at is not null or t.suspended_at is not null
    from public.tenants t where t.id = tenant
  ), false)
  -- billing's lock joins here: `or app.billing_locks_writes(tenant)` (engineer E's function)
  ;
$$;

create function app.action_writes(action text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select g.writes from app.action_grants g where g.action = action_writes.action), false);
$$;

-- Same as in the permissions migration, leaving out read-only workspaces for actions that write.
-- app.action_roles still fails loudly on an unknown action.
create or replace function app.tenants_where(action text)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.tenant_id from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = any (app.action_roles(action))
    and not (app.action_writes(action) and app.tenant_read_only(m.tenant_id));
$$;

create or replace function app.tenants_where_own(action text)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.tenant_id from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = any (app.action_own_roles(action))
    and not (app.action_writes(action) and app.tenant_read_only(m.tenant_id));
$$;

-- Statement-level (one check per distinct workspace in the statement, not per row, so a 10,000-row
-- grid save pays one lookup), after the rows are written; raising undoes the statement.
create function app.refuse_writes_when_read_only()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  locked boolean;
begin
  -- Jobs, the operator's console and seeding are not members of anything.
  if app.is_privileged_path() then
    return null;
  end if;
  if tg_op = 'DELETE' then
    select bool_or(app.tenant_read_only(r.tenant_id)) into locked from (select distinct tenant_id from old_rows) r;
  elsif tg_table_name = 'partnerships' then
    -- A partnership belongs to the region and to the partner: either being read-only refuses.
    select bool_or(app.tenant_read_only(r.tenant_id)) into locked from (
      select tenant_id from new_rows union select partner_tenant_id from new_rows
    ) r;
  else
    select bool_or(app.tenant_read_only(r.tenant_id)) into locked from (select distinct tenant_id from new_rows) r;
  end if;
  if locked then
    raise exception 'workspace_read_only' using errcode = 'P0001';
  end if;
  return null;
end;
$$;

revoke execute on function app.tenant_read_only(uuid) from public;
revoke execute on function app.action_writes(text) from public;
revoke execute on function app.refuse_writes_when_read_only() from public;
grant execute on function app.tenant_read_only(uuid) to authenticated;
grant execute on function app.action_writes(text) to authenticated;

-- ============================================================================
-- Functions: creating, closing and reopening a workspace
-- ============================================================================

-- How many workspaces one person may create in 24 hours: enough for a real organisation with a
-- few departments, few enough that a script cannot fill the slug space.
create function app.workspaces_per_day()
returns integer language sql immutable set search_path = '' as $$ select 5 $$;

-- The days between closing and deletion, during which the owner can reopen (decision 028).
create function app.closed_retention_days()
returns integer language sql immutable set search_path = '' as $$ select 90 $$;

-- Whether a slug can be had: 'malformed', 'taken' or 'available'. Answers anonymous sign-up
-- forms too: a slug is the workspace's public address, so saying it is taken reveals nothing more.
create function app.slug_status(slug text)
returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when slug is null or slug !~ '^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$' then 'malformed'
    when exists (select 1 from public.tenants t where t.slug = slug_status.slug) then 'taken'
    else 'available'
  end;
$$;

-- A new workspace and its owner, the caller, in one statement's transaction: either both exist or
-- neither. Refusals are error keys the API translates.
create function app.create_workspace(
  name text, kind public.tenant_kind, slug text, cvr text, ean text, locale text
)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  person auth.users;
  created uuid;
begin
  if caller is null then
    raise exception 'not_signed_in' using errcode = 'P0001';
  end if;
  select * into person from auth.users u where u.id = caller and u.deleted_at is null;
  if not found or person.email_confirmed_at is null then
    raise exception 'email_not_confirmed' using errcode = 'P0001';
  end if;
  if app.slug_status(slug) = 'malformed' then
    raise exception 'slug_malformed' using errcode = 'P0001';
  end if;
  if cvr is null or not app.cvr_is_valid(cvr) then
    raise exception 'cvr_invalid' using errcode = 'P0001';
  end if;
  if kind <> 'association' and ean is null then
    raise exception 'ean_required' using errcode = 'P0001';
  end if;
  if ean is not null and not app.ean_is_valid(ean) then
    raise exception 'ean_invalid' using errcode = 'P0001';
  end if;
  if (select count(*) from public.tenants t
      where t.created_by = caller and t.created_at > now() - interval '1 day') >= app.workspaces_per_day() then
    raise exception 'workspace_limit' using errcode = 'P0001';
  end if;

  begin
    insert into public.tenants (kind, name, slug, cvr, ean, locale, created_by)
    values (kind, btrim(name), slug, cvr, ean, coalesce(locale, 'da'), caller)
    returning id into created;
  exception when unique_violation then
    raise exception 'slug_taken' using errcode = 'P0001';
  end;
  insert into public.memberships (tenant_id, user_id, role, display_name, email)
  values (
    created, caller, 'owner',
    coalesce(nullif(btrim(person.raw_user_meta_data ->> 'name'), ''), split_part(person.email, '@', 1)),
    lower(person.email)
  );
  return created;
end;
$$;

-- The workspace a person asked for when signing up (kept on their account until their address
-- was confirmed), created now, and forgotten. Null when there is none.
create function app.create_requested_workspace()
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  requested jsonb;
  created uuid;
begin
  select u.raw_user_meta_data -> 'requested_workspace' into requested from auth.users u where u.id = caller;
  if requested is null or jsonb_typeof(requested) <> 'object' then
    return null;
  end if;
  created := app.create_workspace(
    requested ->> 'name', (requested ->> 'kind')::public.tenant_kind, requested ->> 'slug',
    requested ->> 'cvr', requested ->> 'ean', requested ->> 'locale'
  );
  update auth.users set raw_user_meta_data = raw_user_meta_data - 'requested_workspace' where id = caller;
  return created;
end;
$$;

-- The owner closes the workspace, typing its slug to confirm. Read-only from now on, deleted for
-- good after app.closed_retention_days() by the `closed-workspaces` job.
create function app.close_workspace(tenant uuid, typed_slug text)
returns timestamptz
language plpgsql volatile security definer set search_path = ''
as $$
declare
  closing public.tenants;
begin
  if not tenant = any (array(select app.tenants_where('workspace.close'))) then
    raise exception 'forbidden' using errcode = 'P0001';
  end if;
  select * into closing from public.tenants t where t.id = tenant for update;
  if closing.slug is distinct from btrim(lower(typed_slug)) then
    raise exception 'close_confirmation_mismatch' using errcode = 'P0001';
  end if;
  if closing.closed_at is not null then
    return closing.delete_after;
  end if;
  update public.tenants
  set closed_at = now(), delete_after = now() + make_interval(days => app.closed_retention_days())
  where id = tenant
  returning delete_after into closing.delete_after;
  return closing.delete_after;
end;
$$;

-- The owner reopens a closed workspace before its deletion. A suspension stays as it is.
create function app.reopen_workspace(tenant uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not tenant = any (array(select app.tenants_where('workspace.close'))) then
    raise exception 'forbidden' using errcode = 'P0001';
  end if;
  update public.tenants set closed_at = null, delete_after = null where id = tenant and closed_at is not null;
end;
$$;

revoke execute on function app.cvr_is_valid(text) from public;
revoke execute on function app.ean_is_valid(text) from public;
revoke execute on function app.workspaces_per_day() from public;
revoke execute on function app.closed_retention_days() from public;
revoke execute on function app.slug_status(text) from public;
revoke execute on function app.create_workspace(text, public.tenant_kind, text, text, text, text) from public;
revoke execute on function app.create_requested_workspace() from public;
revoke execute on function app.close_workspace(uuid, text) from public;
revoke execute on function app.reopen_workspace(uuid) from public;
grant execute on function app.cvr_is_valid(text) to authenticated;
grant execute on function app.ean_is_valid(text) to authenticated;
grant execute on function app.workspaces_per_day() to authenticated;
grant execute on function app.closed_retention_days() to authenticated;
grant execute on function app.slug_status(text) to anon, authenticated;
grant execute on function app.create_workspace(text, public.tenant_kind, text, text, text, text) to authenticated;
grant execute on function app.create_requested_workspace() to authenticated;
grant execute on function app.close_workspace(uuid, text) to authenticated;
grant execute on function app.reopen_workspace(uuid) to authenticated;

-- ============================================================================
-- Policies: the workspace itself, now by action (so read-only applies to its settings too)
-- ============================================================================
drop policy "Owners and admins can edit their workspace" on public.tenants;

create policy "Members who may manage the workspace can edit it, unless it is read-only"
  on public.tenants for update to authenticated
  using (id = any (array(select app.tenants_where('workspace.manage'))))
  with check (id = any (array(select app.tenants_where('workspace.manage'))));

-- ============================================================================
-- Triggers: read-only on every table members write (not the logs that reading writes: access_log,
-- audit_log; not per-person preferences and receipts; not the privileged retention_runs).
-- Memberships only on insert: renaming oneself, leaving and removing members stay possible.
-- ============================================================================
do $$
declare
  t text;
begin
  foreach t in array array[
    'invitations', 'partnerships', 'volunteers', 'participants', 'courses', 'course_sessions',
    'course_schedules', 'enrolments', 'attendance', 'facilitator_attendance', 'matches',
    'match_meetings', 'volunteer_meetings', 'volunteer_meeting_attendees', 'km_rates', 'expenses',
    'erasures'
  ] loop
    execute format('create trigger %1$s_read_only_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.refuse_writes_when_read_only()', t);
    execute format('create trigger %1$s_read_only_update after update on public.%1$s referencing new table as new_rows for each statement execute function app.refuse_writes_when_read_only()', t);
    execute format('create trigger %1$s_read_only_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.refuse_writes_when_read_only()', t);
  end loop;
end;
$$;

create trigger memberships_read_only_insert after insert on public.memberships
  referencing new table as new_rows for each statement execute function app.refuse_writes_when_read_only();
