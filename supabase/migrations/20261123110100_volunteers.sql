-- Volunteers: the coordinator's roster of volunteer peers. Owners, admins and coordinators edit;
-- viewers read. Peers see only the directory (name and contact of active volunteers) through
-- app.volunteer_directory, never intake dates, record checks or notes.

-- ============================================================================
-- Types
-- ============================================================================
create type public.volunteer_status as enum ('applicant', 'active', 'paused', 'stopped');
create type public.peer_education as enum ('none', 'in_progress', 'completed');

-- ============================================================================
-- Tables
-- ============================================================================
create table public.volunteers (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  email text check (email = lower(email) and length(email) <= 254),
  phone text check (length(phone) <= 40),
  status public.volunteer_status not null default 'applicant',
  status_changed_on date,
  start_date date,
  recruited_via text check (recruited_via in ('frivilligjob', 'volunteer_centre', 'word_of_mouth', 'partner', 'social_media', 'other')),
  intake_on date,
  confidentiality_signed_on date,
  -- That a criminal-record check was seen, when, and whether it was OK. Never the certificate.
  record_check_on date,
  record_check_ok boolean,
  meets_children_under_15 boolean not null default false,
  peer_education public.peer_education not null default 'none',
  peer_education_provider text check (length(peer_education_provider) <= 120),
  short_courses text[] not null default '{}'
    check (short_courses <@ array['first_aid', 'conflict_handling', 'psychosis_support', 'suicide_prevention', 'recovery']),
  note text check (length(note) <= 500),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
comment on table public.volunteers is 'Volunteer peers of a workspace, with their life cycle.';

-- ============================================================================
-- Indexes (the primary key leads with tenant_id, which every policy filters on)
-- ============================================================================
create index volunteers_tenant_id_email_idx on public.volunteers (tenant_id, email);

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.volunteers from anon, authenticated;
grant select, delete on public.volunteers to authenticated;
-- Column grants: identity (tenant_id, id) and bookkeeping (version, timestamps) are not the
-- caller's to set, so no update can move a row or slip past the audit trail.
grant insert (tenant_id, id, name, email, phone, status, status_changed_on, start_date, recruited_via, intake_on, confidentiality_signed_on,
  record_check_on, record_check_ok, meets_children_under_15, peer_education, peer_education_provider, short_courses, note) on public.volunteers to authenticated;
grant update (name, email, phone, status, status_changed_on, start_date, recruited_via, intake_on, confidentiality_signed_on,
  record_check_on, record_check_ok, meets_children_under_15, peer_education, peer_education_provider, short_courses, note) on public.volunteers to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.volunteers enable row level security;

create policy "Owners, admins, coordinators and viewers can read volunteers"
  on public.volunteers for select to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator', 'viewer'))));

create policy "Owners, admins and coordinators can add volunteers"
  on public.volunteers for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))));

create policy "Owners, admins and coordinators can edit volunteers"
  on public.volunteers for update to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))))
  with check (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))));

create policy "Owners, admins and coordinators can delete volunteers"
  on public.volunteers for delete to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))));

-- ============================================================================
-- Functions
-- ============================================================================
-- The volunteer list as a peer may see it: names and contact of active volunteers, nothing else.
create function app.volunteer_directory(workspace uuid)
returns table (id uuid, name text, email text, phone text)
language sql stable security definer set search_path = ''
as $$
  select v.id, v.name, v.email, v.phone
  from public.volunteers v
  where v.tenant_id = workspace
    and workspace = any (array(select app.my_tenants()))
    and v.status = 'active'
  order by v.name;
$$;

revoke execute on function app.volunteer_directory(uuid) from public;
grant execute on function app.volunteer_directory(uuid) to authenticated;

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger volunteers_bump_version before update on public.volunteers
  for each row execute function app.bump_version();
create trigger volunteers_audit_insert after insert on public.volunteers
  referencing new table as new_rows for each statement execute function app.audit_changes();
create trigger volunteers_audit_update after update on public.volunteers
  referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes();
create trigger volunteers_audit_delete after delete on public.volunteers
  referencing old table as old_rows for each statement execute function app.audit_changes();
