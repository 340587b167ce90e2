-- Participants: the citizens receiving support. Minimal by design (a first name or initials, birth
-- year, consent date), health-adjacent personal data under GDPR art. 9. Owners, admins and
-- coordinators edit; viewers read. Peers will see first names of participants in their own
-- courses and matches once those tables exist; until then they see no participant rows at all.

-- ============================================================================
-- Types
-- ============================================================================
create type public.participant_status as enum ('waiting', 'active', 'paused', 'ended');

-- ============================================================================
-- Tables
-- ============================================================================
create table public.participants (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  first_name text not null check (length(btrim(first_name)) between 1 and 60),
  -- The API also refuses years in the future; a CHECK must not depend on the clock.
  birth_year smallint check (birth_year between 1900 and 2100),
  contact text check (length(contact) <= 200),
  referred_by text check (referred_by in ('housing_support', 'psychiatry', 'job_centre', 'general_practitioner', 'relative', 'self', 'other')),
  consent_on date,
  status public.participant_status not null default 'waiting',
  note text check (length(note) <= 500),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  -- Defence in depth behind the API's check: no CPR-number-like text in any free-text field.
  check (concat_ws(' ', first_name, contact, note) !~ '(^|[^0-9])[0-3][0-9][01][0-9][0-9]{2}[- ]?[0-9]{4}([^0-9]|$)')
);
comment on table public.participants is 'Citizens receiving peer support; minimal personal data.';

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.participants from anon, authenticated;
grant select, delete on public.participants to authenticated;
-- Column grants: identity and bookkeeping columns are not the caller's to set (see volunteers).
grant insert (tenant_id, id, first_name, birth_year, contact, referred_by, consent_on, status, note) on public.participants to authenticated;
grant update (first_name, birth_year, contact, referred_by, consent_on, status, note) on public.participants to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.participants enable row level security;

create policy "Owners, admins, coordinators and viewers can read participants"
  on public.participants for select to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator', 'viewer'))));

create policy "Owners, admins and coordinators can add participants"
  on public.participants for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))));

create policy "Owners, admins and coordinators can edit participants"
  on public.participants for update to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))))
  with check (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))));

create policy "Owners, admins and coordinators can delete participants"
  on public.participants for delete to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))));

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger participants_bump_version before update on public.participants
  for each row execute function app.bump_version();
create trigger participants_audit_insert after insert on public.participants
  referencing new table as new_rows for each statement execute function app.audit_changes();
create trigger participants_audit_update after update on public.participants
  referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes();
create trigger participants_audit_delete after delete on public.participants
  referencing old table as old_rows for each statement execute function app.audit_changes();
