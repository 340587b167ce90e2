-- Programmes, their goals and the funder report (issue 9, docs/decisions/025-programmes-goals-funder-reports.md).
--
-- A programme is what a funder pays for: a name, a funder, a grant and a total budget, a period,
-- the partner organisations named in the application, and the courses and matches that belong to
-- it (programme_id on courses and matches). Its goals name a metric from a fixed list and a target;
-- their progress is always computed from the records (app.programme_figures), never typed in.
--
-- Who does what:
--   * owners, admins, coordinators: everything (programmes.manage);
--   * viewers: read (programmes.read);
--   * peers: nothing; a course or match they see may name a programme they cannot open.
-- A funding region sees no row here: only aggregates.funded_goal_progress, which checks an active
-- partnership and suppresses counts from 1 to 4.

-- ============================================================================
-- Types
-- ============================================================================
create type public.funder_kind as enum ('regional_pool', 'foundation', 'state', 'own_budget');
create type public.programme_metric as enum (
  'volunteers_active', 'volunteers_peer_educated', 'participants_reached',
  'sessions_held', 'attendance_rate', 'matches_active', 'matches_completed'
);
create type public.report_language as enum ('da', 'en');

-- ============================================================================
-- Tables
-- ============================================================================
create table public.programmes (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  funder_kind public.funder_kind not null,
  funder_name text check (length(funder_name) <= 200),
  -- The region workspace that funds it, if it is one: what aggregates.funded_goal_progress follows.
  funder_tenant_id uuid references public.tenants (id) on delete set null,
  grant_amount bigint check (grant_amount between 0 and 1000000000000),
  total_budget bigint check (total_budget between 0 and 1000000000000),
  starts_on date not null,
  ends_on date not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint programmes_period_order check (starts_on <= ends_on),
  constraint programmes_grant_within_budget check (grant_amount <= total_budget),
  check (funder_tenant_id <> tenant_id),
  constraint programmes_name_no_cpr check (name !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  constraint programmes_funder_name_no_cpr check (funder_name !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)')
);
comment on table public.programmes is 'A funded programme: funder, grant, budget, period; its courses and matches name it.';

create table public.programme_partners (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  programme_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 200),
  -- A partner that has a workspace of its own, for the record only: it grants nothing.
  partner_tenant_id uuid references public.tenants (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint programme_partners_name_no_cpr check (name !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  foreign key (tenant_id, programme_id) references public.programmes (tenant_id, id) on delete cascade
);
comment on table public.programme_partners is 'The organisations a programme''s application names as partners.';

create table public.programme_goals (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  programme_id uuid not null,
  metric public.programme_metric not null,
  -- A single number is target_min alone; a range such as 40-50 is both.
  target_min integer not null check (target_min between 0 and 1000000),
  target_max integer check (target_max between 0 and 1000000),
  due_on date not null,
  label text check (length(label) <= 200),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint programme_goals_target_order check (target_max is null or target_max >= target_min),
  constraint programme_goals_label_no_cpr check (label !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  foreign key (tenant_id, programme_id) references public.programmes (tenant_id, id) on delete cascade
);
comment on table public.programme_goals is 'A programme''s goal: a metric computed from the records, a target and a due date.';

create table public.programme_reports (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  programme_id uuid not null,
  period_from date not null,
  period_to date not null,
  language public.report_language not null,
  -- The coordinator's own words to the funder: about the programme, never about a participant.
  narrative text not null default '' check (length(narrative) <= 20000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, programme_id, period_from, period_to, language),
  constraint programme_reports_period_order check (period_from <= period_to),
  constraint programme_reports_narrative_no_cpr check (narrative !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  foreign key (tenant_id, programme_id) references public.programmes (tenant_id, id) on delete cascade
);
comment on table public.programme_reports is 'A funder report''s narrative for one programme, period and language.';

-- Courses and matches belong to at most one programme. A programme with any is not deleted (the
-- API says so first); "no action" rather than "restrict", so that deleting a whole workspace,
-- which takes programmes and courses in one statement, is checked only at its end.
alter table public.courses add column programme_id uuid;
alter table public.courses add constraint courses_programme_fkey
  foreign key (tenant_id, programme_id) references public.programmes (tenant_id, id);
alter table public.matches add column programme_id uuid;
alter table public.matches add constraint matches_programme_fkey
  foreign key (tenant_id, programme_id) references public.programmes (tenant_id, id);

-- When a volunteer completed peer education: the goal "10-15 take peer education" counts
-- completions within a period, which the status alone cannot date.
alter table public.volunteers add column peer_education_completed_on date;

-- ============================================================================
-- Indexes
-- ============================================================================
create index programmes_funder_tenant_id_idx on public.programmes (funder_tenant_id) where funder_tenant_id is not null;
create index programme_partners_tenant_id_programme_id_idx on public.programme_partners (tenant_id, programme_id);
create index programme_goals_tenant_id_programme_id_idx on public.programme_goals (tenant_id, programme_id);
create index programme_reports_tenant_id_programme_id_idx on public.programme_reports (tenant_id, programme_id);
create index courses_tenant_id_programme_id_idx on public.courses (tenant_id, programme_id) where programme_id is not null;
create index matches_tenant_id_programme_id_idx on public.matches (tenant_id, programme_id) where programme_id is not null;

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
insert into app.action_grants (action, roles, own_roles) values
  ('programmes.read', '{owner,admin,coordinator,viewer}', '{}'),
  ('programmes.manage', '{owner,admin,coordinator}', '{}');

-- ============================================================================
-- Grants (identity, parent and bookkeeping columns are never the caller's to update)
-- ============================================================================
revoke all on public.programmes, public.programme_partners, public.programme_goals, public.programme_reports
  from anon, authenticated;
grant select, delete on public.programmes, public.programme_partners, public.programme_goals, public.programme_reports
  to authenticated;

grant insert (tenant_id, id, name, funder_kind, funder_name, funder_tenant_id, grant_amount, total_budget, starts_on, ends_on)
  on public.programmes to authenticated;
grant update (name, funder_kind, funder_name, funder_tenant_id, grant_amount, total_budget, starts_on, ends_on)
  on public.programmes to authenticated;
grant insert (tenant_id, id, programme_id, name, partner_tenant_id) on public.programme_partners to authenticated;
grant update (name, partner_tenant_id) on public.programme_partners to authenticated;
grant insert (tenant_id, id, programme_id, metric, target_min, target_max, due_on, label) on public.programme_goals to authenticated;
grant update (metric, target_min, target_max, due_on, label) on public.programme_goals to authenticated;
grant insert (tenant_id, id, programme_id, period_from, period_to, language, narrative) on public.programme_reports to authenticated;
grant update (narrative) on public.programme_reports to authenticated;

grant insert (programme_id), update (programme_id) on public.courses to authenticated;
grant insert (programme_id), update (programme_id) on public.matches to authenticated;
grant insert (peer_education_completed_on), update (peer_education_completed_on) on public.volunteers to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.programmes enable row level security;
alter table public.programme_partners enable row level security;
alter table public.programme_goals enable row level security;
alter table public.programme_reports enable row level security;

do $$
declare
  t text;
begin
  foreach t in array array['programmes', 'programme_partners', 'programme_goals', 'programme_reports'] loop
    execute format($p$create policy "Readers see their workspace's %1$s" on public.%1$I for select to authenticated
      using (tenant_id = any (array(select app.tenants_where('programmes.read')))) $p$, t);
    execute format($p$create policy "Owners, admins and coordinators can add %1$s" on public.%1$I for insert to authenticated
      with check (tenant_id = any (array(select app.tenants_where('programmes.manage')))) $p$, t);
    execute format($p$create policy "Owners, admins and coordinators can change %1$s" on public.%1$I for update to authenticated
      using (tenant_id = any (array(select app.tenants_where('programmes.manage'))))
      with check (tenant_id = any (array(select app.tenants_where('programmes.manage')))) $p$, t);
    execute format($p$create policy "Owners, admins and coordinators can delete %1$s" on public.%1$I for delete to authenticated
      using (tenant_id = any (array(select app.tenants_where('programmes.manage')))) $p$, t);
  end loop;
end;
$$;

-- ============================================================================
-- Functions
-- ============================================================================
-- A programme's figures over a period, computed from the records the caller may read (security
-- invoker: a coordinator gets the workspace's figures, a peer or a stranger gets zeros). What counts:
--   * sessions_held: held sessions of the programme's courses, dated in the period;
--   * attendance_rate: present / (present + absent + no-show) at those sessions, in per cent;
--   * participants_reached: distinct participants present at one of those sessions, or on one of
--     the programme's matches that ran in the period (started, not ended before it);
--   * matches_active: the programme's matches that ran in the period, proposals not counted;
--   * matches_completed: its matches ended as completed, their (planned) end in the period;
--   * volunteers_active: distinct volunteers who facilitated one of those sessions or were on one of
--     those matches, and the workspace's active volunteers who had started by the period's end
--     (volunteers belong to the workspace, not to a programme: a volunteer ready before the first
--     course is what "6-8 volunteers at the start" asks for);
--   * volunteers_peer_educated: the workspace's volunteers who completed peer education in the period.
-- attendance_records is the rate's denominator, so that suppression can see how small it is.
create function app.programme_figures(programme uuid, period_from date, period_to date)
returns table (
  sessions_held integer, attendance_rate integer, attendance_records integer, participants_reached integer,
  matches_active integer, matches_completed integer, volunteers_active integer, volunteers_peer_educated integer
)
language sql stable security invoker set search_path = ''
as $$
  with p as (
    select tenant_id, id from public.programmes where id = programme
  ),
  held as (
    select s.tenant_id, s.id, s.course_id
    from p join public.courses c on c.tenant_id = p.tenant_id and c.programme_id = p.id
    join public.course_sessions s on s.tenant_id = c.tenant_id and s.course_id = c.id
    where s.status = 'held' and s.held_on between period_from and period_to
  ),
  marks as (
    select a.participant_id, a.status
    from held h join public.attendance a on a.tenant_id = h.tenant_id and a.session_id = h.id
  ),
  ran as (
    select x.participant_id, x.volunteer_id, x.co_volunteer_id, x.status, x.end_reason, x.planned_end_on
    from p join public.matches x on x.tenant_id = p.tenant_id and x.programme_id = p.id
    where x.status <> 'proposed' and x.starts_on <= period_to
      and (x.status <> 'ended' or coalesce(x.planned_end_on, x.starts_on) >= period_from)
  ),
  facilitators as (
    select v from held h join public.courses c on c.tenant_id = h.tenant_id and c.id = h.course_id,
      lateral (values (c.facilitator_id), (c.co_facilitator_id)) f (v)
    where v is not null
  ),
  volunteers as (
    select v from facilitators
    union select volunteer_id from ran
    union select co_volunteer_id from ran where co_volunteer_id is not null
    union select w.id from p join public.volunteers w on w.tenant_id = p.tenant_id
      where w.status = 'active' and coalesce(w.start_date, w.created_at::date) <= period_to
  )
  select
    (select count(*)::int from held),
    (select round(100.0 * count(*) filter (where status = 'present')
       / nullif(count(*) filter (where status in ('present', 'absent', 'no_show')), 0))::int from marks),
    (select count(*)::int from marks where status in ('present', 'absent', 'no_show')),
    (select count(*)::int from (
       select participant_id from marks where status = 'present' union select participant_id from ran) r),
    (select count(*)::int from ran),
    (select count(*)::int from ran where end_reason = 'completed' and planned_end_on between period_from and period_to),
    (select count(*)::int from volunteers),
    (select count(*)::int from p join public.volunteers w on w.tenant_id = p.tenant_id
      where w.peer_education = 'completed' and w.peer_education_completed_on between period_from and period_to);
$$;

-- One metric of app.programme_figures' row, by name.
create function app.programme_metric_value(
  f record, metric public.programme_metric
) returns integer
language plpgsql immutable set search_path = ''
as $$
begin
  return case metric
    when 'volunteers_active' then f.volunteers_active
    when 'volunteers_peer_educated' then f.volunteers_peer_educated
    when 'participants_reached' then f.participants_reached
    when 'sessions_held' then f.sessions_held
    when 'attendance_rate' then f.attendance_rate
    when 'matches_active' then f.matches_active
    when 'matches_completed' then f.matches_completed
  end;
end;
$$;

-- The progress of each goal of a programme: the metric counted from the programme's start to
-- the goal's due date (never past the programme's end), from the rows the caller may read.
create function app.programme_goal_progress(programme uuid)
returns table (
  goal_id uuid, metric public.programme_metric, target_min integer, target_max integer, due_on date,
  label text, value integer, attendance_records integer
)
language plpgsql stable security invoker set search_path = ''
as $$
declare
  g record;
  f record;
begin
  for g in
    select pg.id, pg.metric, pg.target_min, pg.target_max, pg.due_on, pg.label, p.starts_on, p.ends_on
    from public.programme_goals pg
    join public.programmes p on p.tenant_id = pg.tenant_id and p.id = pg.programme_id
    where pg.programme_id = programme
    order by pg.due_on, pg.metric, pg.id
  loop
    select * into f from app.programme_figures(programme, g.starts_on, least(g.due_on, g.ends_on));
    goal_id := g.id; metric := g.metric; target_min := g.target_min; target_max := g.target_max;
    due_on := g.due_on; label := g.label;
    value := app.programme_metric_value(f, g.metric);
    attendance_records := f.attendance_records;
    return next;
  end loop;
end;
$$;

-- The regions a workspace may name as a programme's funder: those it has a partnership with
-- (proposed, active or ended), by name, for readers of the workspace's programmes. The tenants'
-- own policy hides other workspaces' names.
create function app.funding_regions(workspace uuid)
returns table (id uuid, name text)
language sql stable security definer set search_path = ''
as $$
  select t.id, t.name
  from public.partnerships ps join public.tenants t on t.id = ps.tenant_id
  where ps.partner_tenant_id = workspace
    and workspace = any (array(select app.tenants_where('programmes.read')))
  order by t.name;
$$;

revoke execute on function app.funding_regions(uuid) from public;
grant execute on function app.funding_regions(uuid) to authenticated;
revoke execute on function app.programme_figures(uuid, date, date) from public;
revoke execute on function app.programme_metric_value(record, public.programme_metric) from public;
revoke execute on function app.programme_goal_progress(uuid) from public;
grant execute on function app.programme_figures(uuid, date, date) to authenticated;
grant execute on function app.programme_metric_value(record, public.programme_metric) to authenticated;
grant execute on function app.programme_goal_progress(uuid) to authenticated;

-- ----------------------------------------------------------------------------
-- What a funding region sees: aggregates only, in a schema the API does not expose.
-- ----------------------------------------------------------------------------
create schema if not exists aggregates;
revoke all on schema aggregates from public;
grant usage on schema aggregates to authenticated;

-- The goal progress of the programmes a region funds (funder_tenant_id = region) in partner
-- workspaces with an active partnership, counted over the programme's period cut to [from, to]
-- and the goal's due date. Only members of the region may call it. Counts from 1 to 4 come back
-- as null with `suppressed`; an attendance rate too, when it rests on 1 to 4 marks. Each row is one
-- goal of one programme: no totals, so nothing is left to subtract a suppressed count from.
create function aggregates.funded_goal_progress(region uuid, period_from date, period_to date)
returns table (
  partner_name text, programme_id uuid, programme_name text, goal_id uuid, metric public.programme_metric,
  target_min integer, target_max integer, due_on date, label text, value integer, suppressed boolean
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  g record;
  f record;
  v integer;
  small boolean;
begin
  if not (region = any (array(select app.my_tenants()))) then
    return;
  end if;
  for g in
    select t.name as partner_name, p.id as programme_id, p.name as programme_name, pg.id as goal_id, pg.metric,
           pg.target_min, pg.target_max, pg.due_on, pg.label,
           greatest(p.starts_on, period_from) as from_on, least(p.ends_on, pg.due_on, period_to) as to_on
    from public.programmes p
    join public.partnerships ps on ps.tenant_id = region and ps.partner_tenant_id = p.tenant_id and ps.status = 'active'
    join public.tenants t on t.id = p.tenant_id
    join public.programme_goals pg on pg.tenant_id = p.tenant_id and pg.programme_id = p.id
    where p.funder_tenant_id = region
    order by t.name, p.name, pg.due_on, pg.metric, pg.id
  loop
    if g.from_on > g.to_on then
      v := 0; small := false;
    else
      select * into f from app.programme_figures(g.programme_id, g.from_on, g.to_on);
      v := app.programme_metric_value(f, g.metric);
      small := case when g.metric = 'attendance_rate' then f.attendance_records between 1 and 4 else v between 1 and 4 end;
    end if;
    partner_name := g.partner_name; programme_id := g.programme_id; programme_name := g.programme_name;
    goal_id := g.goal_id; metric := g.metric; target_min := g.target_min; target_max := g.target_max;
    due_on := g.due_on; label := g.label;
    value := case when small then null else v end;
    suppressed := small;
    return next;
  end loop;
end;
$$;

revoke execute on function aggregates.funded_goal_progress(uuid, date, date) from public;
grant execute on function aggregates.funded_goal_progress(uuid, date, date) to authenticated;

-- ============================================================================
-- Triggers
-- ============================================================================
-- Ticking "completed" dates the completion today unless someone gave the date.
create function app.date_peer_education()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.peer_education = 'completed' and new.peer_education_completed_on is null then
    new.peer_education_completed_on := current_date;
  end if;
  return new;
end;
$$;
revoke execute on function app.date_peer_education() from public;

create trigger volunteers_date_peer_education before insert or update of peer_education, peer_education_completed_on
  on public.volunteers for each row execute function app.date_peer_education();

-- Which programme a course or match belongs to is the programme managers' choice: a peer may edit
-- the course they facilitate, but not move it into (or out of) a programme.
create function app.check_programme_link()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.programme_id is distinct from (case when tg_op = 'UPDATE' then old.programme_id end)
     and not app.is_privileged_path()
     and not (new.tenant_id = any (array(select app.tenants_where('programmes.manage')))) then
    raise exception 'programme_set_by_coordinators' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke execute on function app.check_programme_link() from public;

create trigger courses_check_programme_link before insert or update of programme_id on public.courses
  for each row execute function app.check_programme_link();
create trigger matches_check_programme_link before insert or update of programme_id on public.matches
  for each row execute function app.check_programme_link();

do $$
declare
  t text;
begin
  foreach t in array array['programmes', 'programme_partners', 'programme_goals', 'programme_reports'] loop
    execute format('create trigger %1$s_bump_version before update on public.%1$s for each row execute function app.bump_version()', t);
    execute format('create trigger %1$s_audit_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_update after update on public.%1$s referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.audit_changes()', t);
  end loop;
end;
$$;
