-- Privacy of participants (GDPR art. 9 adjacent data; docs/decisions/016-viewers-see-less.md).
--
--  * Viewers (a partner's manager, a funder's contact) no longer read public.participants. They
--    read app.participants_for_viewers(workspace): first name, status, referred-by category and
--    whether consent is recorded; never contact, birth year, note or the consent date. Every role
--    is the one Postgres role `authenticated`, so column privileges cannot tell a viewer from a
--    coordinator: the table's select policy and a security-definer function can.
--  * Every read of participant records is written to public.access_log (one row per request,
--    with the ids read). Owners read their workspace's log; nobody changes or removes an entry.

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
insert into app.action_grants (action, roles, own_roles) values
  ('participants.read', '{owner,admin,coordinator}', '{}'),
  ('participants.readAccessLog', '{owner}', '{}');

-- ============================================================================
-- Policies: participants (read in full only by those who work with them)
-- ============================================================================
drop policy "Members who may read rosters can read participants" on public.participants;

create policy "Members who may read participants in full can read them"
  on public.participants for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('participants.read'))));

-- ============================================================================
-- Functions: what the rest of the roster readers see of participants
-- ============================================================================

-- The participants roster as a viewer sees it: the columns decision 015 allows, one per field the
-- roster shows them (`consent_given` is the field `consentGiven`). Anyone who may read rosters may
-- call it; it never shows more than the table does to those who read the table in full.
create function app.participants_for_viewers(workspace uuid)
returns table (
  tenant_id uuid,
  id uuid,
  version integer,
  first_name text,
  referred_by text,
  status public.participant_status,
  consent_given boolean
)
language sql stable security definer set search_path = ''
as $$
  select p.tenant_id, p.id, p.version, p.first_name, p.referred_by, p.status, p.consent_on is not null
  from public.participants p
  where p.tenant_id = workspace
    and workspace = any (array(select app.tenants_where('roster.read')));
$$;

-- Participants as candidates of a lookup column (enrolments, attendance), for those who may read
-- rosters: the first name, and the birth year that tells two Annas apart only for those who may
-- read participants in full. For them the rows equal those read from the table, so the lookup's
-- union adds nothing.
create function app.participant_lookup(workspace uuid)
returns table (id uuid, label text, detail text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.first_name,
         case when workspace = any (array(select app.tenants_where('participants.read'))) then p.birth_year::text end
  from public.participants p
  where p.tenant_id = workspace
    and workspace = any (array(select app.tenants_where('roster.read')));
$$;

revoke execute on function app.participants_for_viewers(uuid) from public;
revoke execute on function app.participant_lookup(uuid) from public;
grant execute on function app.participants_for_viewers(uuid) to authenticated;
grant execute on function app.participant_lookup(uuid) to authenticated;

-- ============================================================================
-- Tables: the access log
-- ============================================================================
create table public.access_log (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- The reader; app.log_access sets it to the caller.
  user_id uuid not null,
  -- The API procedure that read the rows, e.g. `participants.list`.
  procedure text not null check (procedure ~ '^[a-zA-Z]+(\.[a-zA-Z]+)+$' and length(procedure) <= 100),
  -- The participants whose records the procedure returned: one array per request, so a list of
  -- 10,000 participants costs one row, not 10,000.
  row_ids uuid[] not null,
  read_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
comment on table public.access_log is 'Who read which participants'' records, when and through which procedure.';

-- ============================================================================
-- Indexes
-- ============================================================================
-- The owners' page reads a workspace's newest entries first.
create index access_log_tenant_id_read_at_idx on public.access_log (tenant_id, read_at desc);
create index access_log_tenant_id_user_id_idx on public.access_log (tenant_id, user_id);

-- ============================================================================
-- Grants (append-only, and only through app.log_access: no one inserts, changes or removes an
-- entry directly, not even an owner)
-- ============================================================================
revoke all on public.access_log from anon, authenticated;
grant select on public.access_log to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.access_log enable row level security;

create policy "Owners can read their workspace's access log"
  on public.access_log for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('participants.readAccessLog'))));

-- ============================================================================
-- Functions
-- ============================================================================

-- The one way in: the caller logs their own read, in a workspace they belong to, stamped with the
-- database's clock. A function rather than an insert grant, so that no one can write an entry in
-- another member's name or with another time, and a reader who may not read the log still gets
-- the entry's id back.
create function app.log_access(workspace uuid, procedure text, row_ids uuid[])
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  entry uuid;
begin
  if not (workspace = any (array(select app.tenants_where('workspace.read')))) then
    raise exception 'permission denied: not a member of this workspace' using errcode = '42501';
  end if;
  insert into public.access_log (tenant_id, user_id, procedure, row_ids)
  values (workspace, (select auth.uid()), log_access.procedure, log_access.row_ids)
  returning id into entry;
  return entry;
end;
$$;

revoke execute on function app.log_access(uuid, text, uuid[]) from public;
grant execute on function app.log_access(uuid, text, uuid[]) to authenticated;
