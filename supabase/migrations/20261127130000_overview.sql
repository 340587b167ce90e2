-- The overview (/w/<slug>): the figures are read by the API as the caller, under the tables' own
-- row-level security (packages/api/src/routers/overview*.ts), so this migration adds no policy of
-- its own: only the workspace setting the to-do list reads, and the indexes the figures use.
-- See docs/decisions/021-overview.md.

-- ============================================================================
-- Tables
-- ============================================================================
-- How old a criminal-record check may be before it is due again. Read by the overview's to-do
-- list; the settings page that edits it comes later (and adds it to the column grants then).
alter table public.tenants
  add column record_check_renewal_months smallint not null default 24
  check (record_check_renewal_months between 1 and 120);
comment on column public.tenants.record_check_renewal_months is
  'Months after which a volunteer''s criminal-record check counts as old and is listed as a to-do.';

-- ============================================================================
-- Indexes
-- ============================================================================
-- Sessions of a period across all courses (the overview's time axis), not one course's.
create index course_sessions_tenant_id_held_on_idx on public.course_sessions (tenant_id, held_on);
-- Volunteers by life-cycle status: the overview counts active, paused and waiting applicants.
create index volunteers_tenant_id_status_idx on public.volunteers (tenant_id, status);
