-- Courses and what hangs under them: sessions, enrolments, attendance. The first child rosters
-- of the roster kit: each child row names its course with a composite key (tenant_id, course_id),
-- so it can never point into another workspace, and the course id is never the caller's to change.
--
-- Who does what:
--   * owners, admins, coordinators: everything;
--   * viewers: read everything;
--   * peers: read the courses and their sessions (a course is an offer, not personal data), and
--     edit the courses they facilitate, their sessions, and their attendance; they see the
--     enrolments and attendance of their own courses only. A peer facilitates a course when a
--     volunteer row linked to their account (volunteers.user_id) is one of its facilitators.
-- Schedules that generate sessions come with the courses issue; sessions are entered one by one.

-- ============================================================================
-- Types
-- ============================================================================
create type public.course_kind as enum ('group_course', 'recovery_cafe', 'training_team', 'youth_cafe', 'other');
create type public.session_status as enum ('planned', 'held', 'cancelled');
create type public.enrolment_status as enum ('enrolled', 'completed', 'dropped_out');
create type public.attendance_status as enum ('present', 'absent', 'cancelled', 'no_show');

-- ============================================================================
-- Tables
-- ============================================================================
-- The volunteer row of a peer who is also a member of the workspace (their own account).
alter table public.volunteers add column user_id uuid references auth.users (id) on delete set null;
create unique index volunteers_tenant_id_user_id_key on public.volunteers (tenant_id, user_id);

-- A CPR number in free text is refused here too, behind the API's check: one named check per
-- column (<table>_<column>_no_cpr), which the API translates.
create table public.courses (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  kind public.course_kind not null default 'group_course',
  location text check (length(location) <= 200),
  partner_organisation text check (length(partner_organisation) <= 200),
  facilitator_id uuid,
  co_facilitator_id uuid,
  capacity smallint check (capacity between 1 and 500),
  min_age smallint check (min_age between 0 and 120),
  max_age smallint check (max_age between 0 and 120),
  starts_on date,
  ends_on date,
  note text check (length(note) <= 500),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (min_age <= max_age),
  check (starts_on <= ends_on),
  constraint courses_name_no_cpr check (name !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  constraint courses_location_no_cpr check (location !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  constraint courses_partner_organisation_no_cpr check (partner_organisation !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  constraint courses_note_no_cpr check (note !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  foreign key (tenant_id, facilitator_id) references public.volunteers (tenant_id, id) on delete set null (facilitator_id),
  foreign key (tenant_id, co_facilitator_id) references public.volunteers (tenant_id, id) on delete set null (co_facilitator_id)
);
comment on table public.courses is 'Group courses, cafés and training teams of a workspace.';

create table public.course_sessions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  course_id uuid not null,
  held_on date not null,
  starts_at time,
  duration_minutes smallint check (duration_minutes between 1 and 1440),
  status public.session_status not null default 'planned',
  note text check (length(note) <= 500),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  -- Attendance names its session together with the course, so it cannot mix courses.
  unique (tenant_id, course_id, id),
  constraint course_sessions_note_no_cpr check (note !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  foreign key (tenant_id, course_id) references public.courses (tenant_id, id) on delete cascade
);
comment on table public.course_sessions is 'One meeting of a course.';

create table public.enrolments (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  course_id uuid not null,
  participant_id uuid not null,
  started_on date,
  ended_on date,
  status public.enrolment_status not null default 'enrolled',
  drop_out_reason text check (drop_out_reason in ('moved', 'illness', 'work_or_education', 'not_a_fit', 'no_contact', 'other')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, course_id, participant_id),
  check (started_on <= ended_on),
  foreign key (tenant_id, course_id) references public.courses (tenant_id, id) on delete cascade,
  foreign key (tenant_id, participant_id) references public.participants (tenant_id, id) on delete cascade
);
comment on table public.enrolments is 'A participant on a course, from a start to an end.';

create table public.attendance (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  course_id uuid not null,
  session_id uuid not null,
  participant_id uuid not null,
  status public.attendance_status not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, session_id, participant_id),
  foreign key (tenant_id, course_id) references public.courses (tenant_id, id) on delete cascade,
  foreign key (tenant_id, course_id, session_id) references public.course_sessions (tenant_id, course_id, id) on delete cascade,
  foreign key (tenant_id, course_id, participant_id) references public.enrolments (tenant_id, course_id, participant_id) on delete cascade
);
comment on table public.attendance is 'Who came to which session: one row per participant and session.';

-- ============================================================================
-- Indexes (primary keys lead with tenant_id; foreign keys and policy lookups get their own)
-- ============================================================================
create index courses_tenant_id_facilitator_id_idx on public.courses (tenant_id, facilitator_id);
create index courses_tenant_id_co_facilitator_id_idx on public.courses (tenant_id, co_facilitator_id);
create index course_sessions_tenant_id_course_id_held_on_idx on public.course_sessions (tenant_id, course_id, held_on);
create index enrolments_tenant_id_participant_id_idx on public.enrolments (tenant_id, participant_id);
create index attendance_tenant_id_course_id_idx on public.attendance (tenant_id, course_id);
create index attendance_tenant_id_course_id_participant_id_idx on public.attendance (tenant_id, course_id, participant_id);

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
update app.action_grants set roles = '{owner,admin,coordinator,peer,viewer}', own_roles = '{}' where action = 'courses.read';
insert into app.action_grants (action, roles, own_roles) values ('courses.edit', '{owner,admin,coordinator}', '{peer}');

-- ============================================================================
-- Functions
-- ============================================================================
-- Whether the caller facilitates a course of a workspace, as a peer of that workspace linked to
-- one of its volunteer rows. Always by (workspace, course): a course id is unique only within
-- its workspace, and ids are chosen by the browser, so a bare id could name another
-- workspace's course.
create function app.facilitates(workspace uuid, course uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.volunteers v
    join public.courses c on c.tenant_id = v.tenant_id and v.id in (c.facilitator_id, c.co_facilitator_id)
    join public.memberships m on m.tenant_id = v.tenant_id and m.user_id = v.user_id and m.role = 'peer'
    where v.user_id = (select auth.uid()) and v.tenant_id = workspace and c.id = course
  );
$$;

-- Whether the caller may do `action` on a course's rows (the course itself, its sessions, its
-- attendance): a role granted the action on the whole workspace, or one granted it on its own
-- rows (a peer) when they facilitate the course.
create function app.can_on_course(action text, workspace uuid, course uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select workspace = any (array(select app.tenants_where(action)))
      or (workspace = any (array(select app.tenants_where_own(action))) and app.facilitates(workspace, course));
$$;

-- The enrolled participants of a course by first name only, for those who may read its
-- attendance: a peer facilitating the course sees these names, and nothing else of a participant.
create function app.course_participants(workspace uuid, course uuid)
returns table (id uuid, first_name text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.first_name
  from public.enrolments e
  join public.participants p on p.tenant_id = e.tenant_id and p.id = e.participant_id
  where e.tenant_id = workspace and e.course_id = course
    and (workspace = any (array(select app.tenants_where('roster.read')))
         or app.can_on_course('attendance.record', workspace, course))
  order by p.first_name collate "da-DK-x-icu", p.id;
$$;

-- The volunteers a member may pick or see as a course's facilitator: the active ones (as in the
-- peers' directory) and whoever facilitates a course, by name and e-mail, nothing else.
create function app.volunteer_lookup(workspace uuid)
returns table (id uuid, label text, detail text)
language sql stable security definer set search_path = ''
as $$
  select v.id, v.name, v.email
  from public.volunteers v
  where v.tenant_id = workspace
    and workspace = any (array(select app.tenants_where('courses.read')))
    and (v.status = 'active' or exists (
      select 1 from public.courses c where c.tenant_id = v.tenant_id and v.id in (c.facilitator_id, c.co_facilitator_id)));
$$;

revoke execute on function app.volunteer_lookup(uuid) from public;
grant execute on function app.volunteer_lookup(uuid) to authenticated;
revoke execute on function app.course_participants(uuid, uuid) from public;
grant execute on function app.course_participants(uuid, uuid) to authenticated;
revoke execute on function app.facilitates(uuid, uuid) from public;
revoke execute on function app.can_on_course(text, uuid, uuid) from public;
grant execute on function app.facilitates(uuid, uuid) to authenticated;
grant execute on function app.can_on_course(text, uuid, uuid) to authenticated;

-- ============================================================================
-- Grants (identity, parent and bookkeeping columns are never the caller's to update)
-- ============================================================================
revoke all on public.courses, public.course_sessions, public.enrolments, public.attendance from anon, authenticated;
grant select, delete on public.courses, public.course_sessions, public.enrolments, public.attendance to authenticated;
grant update (user_id) on public.volunteers to authenticated;
grant insert (user_id) on public.volunteers to authenticated;

grant insert (tenant_id, id, name, kind, location, partner_organisation, facilitator_id, co_facilitator_id, capacity, min_age, max_age, starts_on, ends_on, note)
  on public.courses to authenticated;
grant update (name, kind, location, partner_organisation, facilitator_id, co_facilitator_id, capacity, min_age, max_age, starts_on, ends_on, note)
  on public.courses to authenticated;

grant insert (tenant_id, id, course_id, held_on, starts_at, duration_minutes, status, note) on public.course_sessions to authenticated;
grant update (held_on, starts_at, duration_minutes, status, note) on public.course_sessions to authenticated;

grant insert (tenant_id, id, course_id, participant_id, started_on, ended_on, status, drop_out_reason) on public.enrolments to authenticated;
grant update (participant_id, started_on, ended_on, status, drop_out_reason) on public.enrolments to authenticated;

grant insert (tenant_id, id, course_id, session_id, participant_id, status) on public.attendance to authenticated;
grant update (session_id, participant_id, status) on public.attendance to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.courses enable row level security;
alter table public.course_sessions enable row level security;
alter table public.enrolments enable row level security;
alter table public.attendance enable row level security;

-- Courses ------------------------------------------------------------------
create policy "Members can read their workspace's courses"
  on public.courses for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('courses.read'))));

create policy "Owners, admins and coordinators can add courses"
  on public.courses for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Editors, and peers on the courses they facilitate, can edit courses"
  on public.courses for update to authenticated
  using ((select app.can_on_course('courses.edit', tenant_id, id)))
  with check ((select app.can_on_course('courses.edit', tenant_id, id)));

create policy "Owners, admins and coordinators can delete courses"
  on public.courses for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))));

-- Sessions -----------------------------------------------------------------
create policy "Members can read their workspace's sessions"
  on public.course_sessions for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('courses.read'))));

create policy "Editors, and peers on their own courses, can add sessions"
  on public.course_sessions for insert to authenticated
  with check ((select app.can_on_course('courses.edit', tenant_id, course_id)));

create policy "Editors, and peers on their own courses, can edit sessions"
  on public.course_sessions for update to authenticated
  using ((select app.can_on_course('courses.edit', tenant_id, course_id)))
  with check ((select app.can_on_course('courses.edit', tenant_id, course_id)));

create policy "Owners, admins and coordinators can delete sessions"
  on public.course_sessions for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))));

-- Enrolments ---------------------------------------------------------------
create policy "Editors and viewers read enrolments, peers those of their own courses"
  on public.enrolments for select to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('roster.read')))
    or (select app.can_on_course('attendance.record', tenant_id, course_id))
  );

create policy "Owners, admins and coordinators can add enrolments"
  on public.enrolments for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Owners, admins and coordinators can edit enrolments"
  on public.enrolments for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Owners, admins and coordinators can delete enrolments"
  on public.enrolments for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))));

-- Attendance ---------------------------------------------------------------
create policy "Editors and viewers read attendance, peers that of their own courses"
  on public.attendance for select to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('roster.read')))
    or (select app.can_on_course('attendance.record', tenant_id, course_id))
  );

create policy "Editors, and peers on their own courses, can record attendance"
  on public.attendance for insert to authenticated
  with check ((select app.can_on_course('attendance.record', tenant_id, course_id)));

create policy "Editors, and peers on their own courses, can change attendance"
  on public.attendance for update to authenticated
  using ((select app.can_on_course('attendance.record', tenant_id, course_id)))
  with check ((select app.can_on_course('attendance.record', tenant_id, course_id)));

create policy "Editors, and peers on their own courses, can clear attendance"
  on public.attendance for delete to authenticated
  using ((select app.can_on_course('attendance.record', tenant_id, course_id)));

-- ============================================================================
-- Triggers
-- ============================================================================
-- Only those who may edit every course assign facilitators: a peer changing their own course
-- cannot hand it to someone else, nor take another's.
create function app.guard_course_facilitators()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.role()) = 'authenticated'
     and (new.facilitator_id is distinct from old.facilitator_id or new.co_facilitator_id is distinct from old.co_facilitator_id)
     and not (new.tenant_id = any (array(select app.tenants_where('courses.edit')))) then
    raise exception 'facilitators_by_coordinators' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke execute on function app.guard_course_facilitators() from public;

create trigger courses_guard_facilitators before update on public.courses
  for each row execute function app.guard_course_facilitators();

do $$
declare
  t text;
begin
  foreach t in array array['courses', 'course_sessions', 'enrolments', 'attendance'] loop
    execute format('create trigger %1$s_bump_version before update on public.%1$s for each row execute function app.bump_version()', t);
    execute format('create trigger %1$s_audit_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_update after update on public.%1$s referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.audit_changes()', t);
  end loop;
end;
$$;
