-- Course schedules, and what changes for sessions and attendance with them (issue 8, decision 018).
--
--   * A schedule per course: weekly or every 14 days from a first date, a number of sessions or
--     an end date, a local time and a length. The API expands it into dates with the rrule
--     library and applies the result as the caller, under these policies, in one transaction.
--   * course_sessions.scheduled_on: the date the schedule gave a session (null: added by hand).
--     A session moved by hand keeps it, so regenerating the schedule knows the session is the
--     same occurrence (RFC 5545's RECURRENCE-ID) and leaves the move alone.
--   * Cancelling a session marks the still empty cells of its enrolled participants 'cancelled';
--     what was already recorded stays. Undoing the cancellation clears those marks again.
--   * A session with recorded attendance cannot be deleted (cancel or move it instead).
--   * Facilitators' own presence per session: a small table beside attendance.
--   * Peers see only the courses they facilitate, and those courses' sessions (decision 011
--     had every member read every course; the issue says a peer never sees other courses).

-- ============================================================================
-- Types
-- ============================================================================
create type public.schedule_frequency as enum ('weekly', 'fortnightly');

-- ============================================================================
-- Tables
-- ============================================================================
create table public.course_schedules (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  course_id uuid not null,
  frequency public.schedule_frequency not null default 'weekly',
  first_date date not null,
  session_count smallint check (session_count between 1 and 200),
  until date,
  starts_at time not null,
  duration_minutes smallint not null check (duration_minutes between 1 and 1440),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, course_id),
  -- Either a number of sessions or an end date, never both, never neither.
  constraint course_schedules_one_end check (num_nonnulls(session_count, until) = 1),
  constraint course_schedules_until_after_first check (until >= first_date),
  foreign key (tenant_id, course_id) references public.courses (tenant_id, id) on delete cascade
);
comment on table public.course_schedules is 'The recurrence that generates a course''s sessions (local dates and times, Europe/Copenhagen).';

alter table public.course_sessions add column scheduled_on date;
comment on column public.course_sessions.scheduled_on is 'The date the schedule gave this session; null when it was added by hand. Kept when the session is moved.';

create table public.facilitator_attendance (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  course_id uuid not null,
  session_id uuid not null,
  volunteer_id uuid not null,
  status text not null check (status in ('present', 'absent')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, session_id, volunteer_id),
  foreign key (tenant_id, course_id) references public.courses (tenant_id, id) on delete cascade,
  foreign key (tenant_id, course_id, session_id) references public.course_sessions (tenant_id, course_id, id) on delete cascade,
  foreign key (tenant_id, volunteer_id) references public.volunteers (tenant_id, id) on delete cascade
);
comment on table public.facilitator_attendance is 'Whether a facilitating volunteer was at a session.';

-- ============================================================================
-- Indexes
-- ============================================================================
create index facilitator_attendance_tenant_id_course_id_idx on public.facilitator_attendance (tenant_id, course_id);
create index facilitator_attendance_tenant_id_volunteer_id_idx on public.facilitator_attendance (tenant_id, volunteer_id);
create index course_sessions_tenant_id_course_id_scheduled_on_idx on public.course_sessions (tenant_id, course_id, scheduled_on);

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
update app.action_grants set roles = '{owner,admin,coordinator,viewer}', own_roles = '{peer}' where action = 'courses.read';

-- ============================================================================
-- Functions
-- ============================================================================
-- Facilitators stay pickable and visible to peers on their own courses: the gate now accepts an
-- own grant of courses.read too (peers already see the active volunteers in their directory).
create or replace function app.volunteer_lookup(workspace uuid)
returns table (id uuid, label text, detail text)
language sql stable security definer set search_path = ''
as $$
  select v.id, v.name, v.email
  from public.volunteers v
  where v.tenant_id = workspace
    and (workspace = any (array(select app.tenants_where('courses.read')))
         or workspace = any (array(select app.tenants_where_own('courses.read'))))
    and (v.status = 'active' or exists (
      select 1 from public.courses c where c.tenant_id = v.tenant_id and v.id in (c.facilitator_id, c.co_facilitator_id)));
$$;

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.course_schedules, public.facilitator_attendance from anon, authenticated;
grant select, delete on public.course_schedules, public.facilitator_attendance to authenticated;
grant insert (tenant_id, id, course_id, frequency, first_date, session_count, until, starts_at, duration_minutes)
  on public.course_schedules to authenticated;
grant update (frequency, first_date, session_count, until, starts_at, duration_minutes)
  on public.course_schedules to authenticated;

-- Written by schedule generation (as the caller), never by the sessions grid.
grant insert (scheduled_on), update (scheduled_on) on public.course_sessions to authenticated;

grant insert (tenant_id, id, course_id, session_id, volunteer_id, status) on public.facilitator_attendance to authenticated;
grant update (session_id, volunteer_id, status) on public.facilitator_attendance to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.course_schedules enable row level security;
alter table public.facilitator_attendance enable row level security;

-- Courses and sessions: peers only on the courses they facilitate ---------------
drop policy "Members can read their workspace's courses" on public.courses;
create policy "Editors and viewers read every course, peers the ones they facilitate"
  on public.courses for select to authenticated
  using ((select app.can_on_course('courses.read', tenant_id, id)));

drop policy "Members can read their workspace's sessions" on public.course_sessions;
create policy "Editors and viewers read every session, peers those of the courses they facilitate"
  on public.course_sessions for select to authenticated
  using ((select app.can_on_course('courses.read', tenant_id, course_id)));

-- Schedules ----------------------------------------------------------------
create policy "Those who read a course read its schedule"
  on public.course_schedules for select to authenticated
  using ((select app.can_on_course('courses.read', tenant_id, course_id)));

-- Regenerating a schedule removes and adds sessions, which only editors of the whole workspace may.
create policy "Owners, admins and coordinators can set a schedule"
  on public.course_schedules for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Owners, admins and coordinators can change a schedule"
  on public.course_schedules for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Owners, admins and coordinators can remove a schedule"
  on public.course_schedules for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))));

-- Facilitators' presence ------------------------------------------------------
create policy "Editors and viewers read facilitators' presence, peers that of their own courses"
  on public.facilitator_attendance for select to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('roster.read')))
    or (select app.can_on_course('attendance.record', tenant_id, course_id))
  );

create policy "Editors, and peers on their own courses, can record facilitators' presence"
  on public.facilitator_attendance for insert to authenticated
  with check ((select app.can_on_course('attendance.record', tenant_id, course_id)));

create policy "Editors, and peers on their own courses, can change facilitators' presence"
  on public.facilitator_attendance for update to authenticated
  using ((select app.can_on_course('attendance.record', tenant_id, course_id)))
  with check ((select app.can_on_course('attendance.record', tenant_id, course_id)));

create policy "Editors, and peers on their own courses, can clear facilitators' presence"
  on public.facilitator_attendance for delete to authenticated
  using ((select app.can_on_course('attendance.record', tenant_id, course_id)));

-- ============================================================================
-- Triggers
-- ============================================================================
-- Runs as the caller (security invoker), so the marks it writes pass the attendance policies
-- like any cell the caller would enter.
create function app.mark_cancelled_session()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status = 'cancelled' and old.status <> 'cancelled' then
    insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
    select e.tenant_id, e.course_id, new.id, e.participant_id, 'cancelled'
    from public.enrolments e
    where e.tenant_id = new.tenant_id and e.course_id = new.course_id
      and (e.started_on is null or e.started_on <= new.held_on)
      and (e.ended_on is null or e.ended_on >= new.held_on)
    on conflict (tenant_id, session_id, participant_id) do nothing;
  elsif old.status = 'cancelled' and new.status <> 'cancelled' then
    delete from public.attendance a
    where a.tenant_id = new.tenant_id and a.session_id = new.id and a.status = 'cancelled';
  end if;
  return null;
end;
$$;
revoke execute on function app.mark_cancelled_session() from public;

create trigger course_sessions_mark_cancelled after update of status on public.course_sessions
  for each row execute function app.mark_cancelled_session();

-- A session someone came to is history: deleting it would delete that attendance with it. When
-- the whole course is deleted, the course row is already gone and its sessions go with it.
create function app.keep_attended_session()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if exists (select 1 from public.courses c where c.tenant_id = old.tenant_id and c.id = old.course_id)
     and exists (select 1 from public.attendance a
                 where a.tenant_id = old.tenant_id and a.session_id = old.id and a.status <> 'cancelled') then
    raise exception 'session_has_attendance' using errcode = 'P0001';
  end if;
  return old;
end;
$$;
revoke execute on function app.keep_attended_session() from public;

create trigger course_sessions_keep_attended before delete on public.course_sessions
  for each row execute function app.keep_attended_session();

do $$
declare
  t text;
begin
  foreach t in array array['course_schedules', 'facilitator_attendance'] loop
    execute format('create trigger %1$s_bump_version before update on public.%1$s for each row execute function app.bump_version()', t);
    execute format('create trigger %1$s_audit_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_update after update on public.%1$s referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.audit_changes()', t);
  end loop;
end;
$$;
