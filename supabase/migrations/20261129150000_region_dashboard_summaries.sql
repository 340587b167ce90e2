-- The region dashboard reads summaries instead of every attendance mark, and its totals add up the
-- partners that are shown. See the addendum of docs/decisions/026-partnerships-and-region-dashboard.md.
--
-- The first aggregates.region_dashboard joined each quarter's sessions to their attendance: for a
-- region with 100 partners and 1,000,000 marks, ~500,000 rows a year of quarters, ~1.8 s. Two
-- tables kept by statement-level triggers (transition tables: a roster batch writes 10,000 marks
-- in one statement, and row triggers would run 10,000 times) hold what the dashboard counts:
--
--   app.session_tallies        one row per session: when it is held, whether it is cancelled, and
--                              its present and expected (present, absent, no-show) marks;
--   app.participant_quarters   per workspace and quarter, each participant with at least one
--                              present mark at a session that is not cancelled, and how many.
--
-- "Held" still means "not in the future", which moves every day, so it is decided when reading:
-- the summaries count future sessions too, and the reader leaves them out (for participants, by
-- subtracting their rare present marks at sessions ahead of today).
--
-- Deleting a session deletes its attendance by cascade, and the cascade's triggers fire in no
-- promised order: marks that outlive their session's tally recount their participants instead.
-- Nobody reads these tables but security definer functions: RLS is on with no policy, and
-- `authenticated` holds no privilege on them.

-- ============================================================================
-- Types
-- ============================================================================
-- One attendance mark's contribution (+1 on insert, -1 on delete, both on update).
create type app.attendance_delta as (
  tenant_id uuid, session_id uuid, participant_id uuid, present integer, expected integer
);
-- A change of one participant's present marks in one workspace and quarter.
create type app.presence_delta as (tenant_id uuid, quarter date, participant_id uuid, n integer);

-- ============================================================================
-- Tables
-- ============================================================================
create table app.session_tallies (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  session_id uuid not null,
  held_on date not null,
  cancelled boolean not null,
  present integer not null default 0,
  expected integer not null default 0,
  primary key (tenant_id, session_id)
);
comment on table app.session_tallies is
  'Per session: its date, whether cancelled, and its present and expected marks (trigger-kept; the region dashboard).';

create table app.participant_quarters (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  quarter date not null,
  participant_id uuid not null,
  sessions_present integer not null,
  primary key (tenant_id, quarter, participant_id)
);
comment on table app.participant_quarters is
  'Participants present at a session that is not cancelled, per workspace and quarter (trigger-kept; the region dashboard).';

-- ============================================================================
-- Indexes
-- ============================================================================
-- The dashboard's range scan: a partner's sessions in a period, all it needs in the index.
create index session_tallies_tenant_id_held_on_idx
  on app.session_tallies (tenant_id, held_on) include (cancelled, present, expected);

-- ============================================================================
-- Grants and row-level security: definer functions only
-- ============================================================================
revoke all on app.session_tallies, app.participant_quarters from public, anon, authenticated;
alter table app.session_tallies enable row level security;
alter table app.participant_quarters enable row level security;

-- ============================================================================
-- Functions: keeping the summaries
-- ============================================================================
-- Adds each (workspace, quarter, participant)'s net change; a count that reaches 0 goes. Increments
-- insert or add, decrements never insert (during a workspace's cascade delete its rows may already
-- be gone, and a new row would point at a deleted tenant). Existing rows are locked in key order
-- first, so two saves touching the same participants wait for each other instead of deadlocking.
create function app.apply_presence_deltas(deltas app.presence_delta[])
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if cardinality(deltas) = 0 then
    return;
  end if;
  perform 1 from app.participant_quarters p
  where (p.tenant_id, p.quarter, p.participant_id) in (select x.tenant_id, x.quarter, x.participant_id from unnest(deltas) x)
  order by p.tenant_id, p.quarter, p.participant_id
  for update;

  with d as (
    select x.tenant_id, x.quarter, x.participant_id, sum(x.n)::integer as n
    from unnest(deltas) x group by x.tenant_id, x.quarter, x.participant_id having sum(x.n) <> 0
  ),
  gone as (
    delete from app.participant_quarters p using d
    where d.n < 0 and p.tenant_id = d.tenant_id and p.quarter = d.quarter and p.participant_id = d.participant_id
      and p.sessions_present + d.n <= 0
  ),
  fewer as (
    update app.participant_quarters p set sessions_present = p.sessions_present + d.n from d
    where d.n < 0 and p.tenant_id = d.tenant_id and p.quarter = d.quarter and p.participant_id = d.participant_id
      and p.sessions_present + d.n > 0
  )
  insert into app.participant_quarters as p (tenant_id, quarter, participant_id, sessions_present)
  select d.tenant_id, d.quarter, d.participant_id, d.n from d where d.n > 0
  order by 1, 2, 3
  on conflict (tenant_id, quarter, participant_id) do update set sessions_present = p.sessions_present + excluded.sessions_present;
end;
$$;

-- The participants' quarters counted afresh from attendance and sessions (`quarter` and `n` of
-- the argument unused). A workspace being deleted is skipped: its rows go by cascade.
create function app.recount_participant_quarters(who app.presence_delta[])
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if cardinality(who) = 0 then
    return;
  end if;
  delete from app.participant_quarters p
  where (p.tenant_id, p.participant_id) in (select w.tenant_id, w.participant_id from unnest(who) w);
  insert into app.participant_quarters (tenant_id, quarter, participant_id, sessions_present)
  select a.tenant_id, date_trunc('quarter', s.held_on)::date, a.participant_id, count(*)
  from public.attendance a
  join public.course_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
  where (a.tenant_id, a.participant_id) in (select w.tenant_id, w.participant_id from unnest(who) w)
    and a.status = 'present' and s.status <> 'cancelled'
    and exists (select 1 from public.tenants t where t.id = a.tenant_id)
  group by 1, 2, 3;
end;
$$;

-- Adds marks' contributions to their sessions' tallies and, for present marks at sessions that are
-- not cancelled, to the participants' quarters. Session facts come from the tally. Marks whose
-- session is gone (deleted with its course or on its own: the cascade's statements fire their
-- triggers in no promised order, so the tally may go first) cannot say which quarter they counted
-- in: their participants are recounted from what remains instead, which is exact in any order.
create function app.apply_attendance_deltas(deltas app.attendance_delta[])
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  -- In key order, like the participants' rows (see above).
  perform 1 from app.session_tallies t
  where (t.tenant_id, t.session_id) in (select x.tenant_id, x.session_id from unnest(deltas) x)
  order by t.tenant_id, t.session_id
  for update;
  update app.session_tallies t
  set present = t.present + d.present, expected = t.expected + d.expected
  from (
    select x.tenant_id, x.session_id, sum(x.present)::integer as present, sum(x.expected)::integer as expected
    from unnest(deltas) x group by x.tenant_id, x.session_id
    having sum(x.present) <> 0 or sum(x.expected) <> 0
  ) d
  where t.tenant_id = d.tenant_id and t.session_id = d.session_id;

  perform app.apply_presence_deltas(array(
    select row(x.tenant_id, date_trunc('quarter', t.held_on)::date, x.participant_id, x.present)::app.presence_delta
    from unnest(deltas) x
    join app.session_tallies t on t.tenant_id = x.tenant_id and t.session_id = x.session_id
    where x.present <> 0 and not t.cancelled
  ));

  perform app.recount_participant_quarters(array(
    select distinct row(x.tenant_id, null, x.participant_id, 0)::app.presence_delta
    from unnest(deltas) x
    where x.present <> 0
      and not exists (select 1 from app.session_tallies t where t.tenant_id = x.tenant_id and t.session_id = x.session_id)
  ));
end;
$$;

-- One statement's marks as deltas. Cancelled marks count for nothing, so the marks that cancelling
-- a session writes for every enrolled participant cost no more than reading them.
create function app.tally_attendance()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    -- A session inserted by the same statement (one INSERT with data-modifying CTEs, as the demo
    -- seed does) may not have its tally yet: start it here, the session's trigger then keeps it.
    insert into app.session_tallies (tenant_id, session_id, held_on, cancelled)
    select s.tenant_id, s.id, s.held_on, s.status = 'cancelled'
    from public.course_sessions s
    where (s.tenant_id, s.id) in (select n.tenant_id, n.session_id from new_rows n)
      and not exists (select 1 from app.session_tallies t where t.tenant_id = s.tenant_id and t.session_id = s.id)
    on conflict do nothing;
    perform app.apply_attendance_deltas(array(
      select row(n.tenant_id, n.session_id, n.participant_id,
                 (n.status = 'present')::integer, (n.status <> 'cancelled')::integer)::app.attendance_delta
      from new_rows n where n.status <> 'cancelled'
    ));
  elsif tg_op = 'UPDATE' then
    perform app.apply_attendance_deltas(array(
      select row(n.tenant_id, n.session_id, n.participant_id,
                 (n.status = 'present')::integer, (n.status <> 'cancelled')::integer)::app.attendance_delta
      from new_rows n where n.status <> 'cancelled'
      union all
      select row(o.tenant_id, o.session_id, o.participant_id,
                 -(o.status = 'present')::integer, -(o.status <> 'cancelled')::integer)::app.attendance_delta
      from old_rows o where o.status <> 'cancelled'
    ));
  else
    perform app.apply_attendance_deltas(array(
      select row(o.tenant_id, o.session_id, o.participant_id,
                 -(o.status = 'present')::integer, -(o.status <> 'cancelled')::integer)::app.attendance_delta
      from old_rows o where o.status <> 'cancelled'
    ));
  end if;
  return null;
end;
$$;

-- Sessions: a new one starts an empty tally; a move to another quarter or a (un)cancellation moves
-- its present marks between participants' quarters; a deleted one's tally goes (its marks go by
-- cascade, and their trigger recounts the participants, see app.apply_attendance_deltas).
create function app.tally_sessions()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.session_tallies (tenant_id, session_id, held_on, cancelled)
    select n.tenant_id, n.id, n.held_on, n.status = 'cancelled' from new_rows n
    on conflict do nothing;
  elsif tg_op = 'UPDATE' then
    -- What was counted (the tally, read before it changes) against what the session is now.
    perform app.apply_presence_deltas(array(
      select row(a.tenant_id, q.quarter, a.participant_id, q.n)::app.presence_delta
      from new_rows n
      join app.session_tallies t on t.tenant_id = n.tenant_id and t.session_id = n.id
      join public.attendance a on a.tenant_id = n.tenant_id and a.session_id = n.id and a.status = 'present'
      cross join lateral (values
        (date_trunc('quarter', t.held_on)::date, case when t.cancelled then 0 else -1 end),
        (date_trunc('quarter', n.held_on)::date, case when n.status = 'cancelled' then 0 else 1 end)
      ) q (quarter, n)
      where (date_trunc('quarter', t.held_on) <> date_trunc('quarter', n.held_on) or t.cancelled <> (n.status = 'cancelled'))
        and q.n <> 0
    ));
    update app.session_tallies t set held_on = n.held_on, cancelled = n.status = 'cancelled'
    from new_rows n
    where t.tenant_id = n.tenant_id and t.session_id = n.id
      and (t.held_on <> n.held_on or t.cancelled <> (n.status = 'cancelled'));
  else
    delete from app.session_tallies t using old_rows o where t.tenant_id = o.tenant_id and t.session_id = o.id;
  end if;
  return null;
end;
$$;

revoke execute on function app.apply_presence_deltas(app.presence_delta[]) from public;
revoke execute on function app.recount_participant_quarters(app.presence_delta[]) from public;
revoke execute on function app.apply_attendance_deltas(app.attendance_delta[]) from public;
revoke execute on function app.tally_attendance() from public;
revoke execute on function app.tally_sessions() from public;

-- ============================================================================
-- Triggers (a transition table allows one event per trigger)
-- ============================================================================
create trigger attendance_tally_insert after insert on public.attendance
  referencing new table as new_rows for each statement execute function app.tally_attendance();
create trigger attendance_tally_update after update on public.attendance
  referencing old table as old_rows new table as new_rows for each statement execute function app.tally_attendance();
create trigger attendance_tally_delete after delete on public.attendance
  referencing old table as old_rows for each statement execute function app.tally_attendance();
create trigger course_sessions_tally_insert after insert on public.course_sessions
  referencing new table as new_rows for each statement execute function app.tally_sessions();
create trigger course_sessions_tally_update after update on public.course_sessions
  referencing old table as old_rows new table as new_rows for each statement execute function app.tally_sessions();
create trigger course_sessions_tally_delete after delete on public.course_sessions
  referencing old table as old_rows for each statement execute function app.tally_sessions();

-- ============================================================================
-- Backfill
-- ============================================================================
insert into app.session_tallies (tenant_id, session_id, held_on, cancelled, present, expected)
select s.tenant_id, s.id, s.held_on, s.status = 'cancelled',
  count(a.id) filter (where a.status = 'present'),
  count(a.id) filter (where a.status in ('present', 'absent', 'no_show'))
from public.course_sessions s
left join public.attendance a on a.tenant_id = s.tenant_id and a.session_id = s.id
group by s.tenant_id, s.id;

insert into app.participant_quarters (tenant_id, quarter, participant_id, sessions_present)
select a.tenant_id, date_trunc('quarter', s.held_on)::date, a.participant_id, count(*)
from public.attendance a
join public.course_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
where a.status = 'present' and s.status <> 'cancelled'
group by 1, 2, 3;

-- ============================================================================
-- Aggregates: the dashboard on the summaries
-- ============================================================================
-- Same signature and result as the first version (20261129110000), two changes:
--   * sessions, marks and participants reached come from the summaries above;
--   * the total of a quarter and metric is the sum over the partners whose cell is shown (rates:
--     their present over their expected), never suppressed. It is computed from shown figures
--     only, so total minus shown cells is 0 and reveals nothing; the reader counts the hidden
--     cells from the partners' `suppressed` flags ("n partners with fewer than 5 not included").
create or replace function aggregates.region_dashboard(region uuid, first_quarter date, last_quarter date)
returns table (
  partner_id uuid, partner_name text, quarter date, metric text,
  value numeric, suppressed boolean
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  q_from date := date_trunc('quarter', first_quarter)::date;
  q_to date := date_trunc('quarter', last_quarter)::date;
begin
  if not exists (
    select 1 from public.tenants t
    where t.id = region and t.kind = 'region' and t.id = any (array(select app.my_tenants()))
  ) then
    raise exception 'region_dashboard_not_allowed' using errcode = 'P0001';
  end if;
  if q_from is null or q_to is null or q_to < q_from or q_to > (q_from + interval '21 months') then
    raise exception 'region_dashboard_bad_period' using errcode = 'P0001';
  end if;

  return query
  with partners as (
    select p.partner_tenant_id as id, t.name
    from public.partnerships p join public.tenants t on t.id = p.partner_tenant_id
    where p.tenant_id = region and p.status = 'active'
  ),
  quarters as (
    select g::date as q_start, (g + interval '3 months')::date as q_end
    from generate_series(q_from, q_to, interval '3 months') g
  ),
  -- Sessions held in the period (not cancelled, not ahead of today) and their marks, per quarter.
  held as (
    select t.tenant_id, date_trunc('quarter', t.held_on)::date as q,
      count(*) as n, sum(t.present) as present, sum(t.expected) as expected
    from app.session_tallies t
    where t.tenant_id in (select id from partners)
      and t.held_on >= q_from and t.held_on < (q_to + interval '3 months') and t.held_on <= current_date
      and not t.cancelled
    group by t.tenant_id, date_trunc('quarter', t.held_on)
  ),
  -- Present marks at sessions ahead of today (rare: a mark entered early) do not reach anyone yet.
  ahead as (
    select t.tenant_id, date_trunc('quarter', t.held_on)::date as q, a.participant_id, count(*) as n
    from app.session_tallies t
    join public.attendance a on a.tenant_id = t.tenant_id and a.session_id = t.session_id and a.status = 'present'
    where t.tenant_id in (select id from partners)
      and t.held_on > current_date and t.held_on >= q_from and t.held_on < (q_to + interval '3 months') and not t.cancelled and t.present > 0
    group by t.tenant_id, date_trunc('quarter', t.held_on), a.participant_id
  ),
  reached as (
    select p.tenant_id, p.quarter as q, count(*) as n
    from app.participant_quarters p
    left join ahead x on x.tenant_id = p.tenant_id and x.q = p.quarter and x.participant_id = p.participant_id
    where p.tenant_id in (select id from partners) and p.quarter between q_from and q_to
      and p.sessions_present > coalesce(x.n, 0)
    group by p.tenant_id, p.quarter
  ),
  volunteers as (
    select v.tenant_id, q.q_start as q, count(*) as n
    from public.volunteers v join quarters q
      on coalesce(v.start_date, v.created_at::date) < q.q_end
     and (v.status = 'active' or (v.status in ('paused', 'stopped') and v.status_changed_on >= q.q_start))
    where v.tenant_id in (select id from partners) and v.status <> 'applicant'
    group by v.tenant_id, q.q_start
  ),
  matches as (
    select x.tenant_id, q.q_start as q, count(*) as n
    from public.matches x join quarters q
      on x.starts_on < q.q_end
     and (x.status in ('active', 'paused') or coalesce(x.planned_end_on, x.starts_on) >= q.q_start)
    where x.tenant_id in (select id from partners) and x.status <> 'proposed' and x.starts_on is not null
    group by x.tenant_id, q.q_start
  ),
  -- Every partner, quarter and metric, with 0 where nothing was recorded. `num`/`den` only for the rate.
  cells as (
    select pt.id as tenant_id, pt.name, q.q_start as q, k.metric,
      case k.metric
        when 'volunteersActive' then coalesce(vo.n, 0)
        when 'participantsReached' then coalesce(re.n, 0)
        when 'sessionsHeld' then coalesce(he.n, 0)
        when 'activeMatches' then coalesce(ma.n, 0)
        else coalesce(he.present, 0) end::numeric as num,
      case when k.metric = 'attendanceRate' then coalesce(he.expected, 0) end::numeric as den
    from partners pt cross join quarters q
    cross join unnest (array['volunteersActive', 'participantsReached', 'sessionsHeld', 'attendanceRate', 'activeMatches']) k (metric)
    left join volunteers vo on vo.tenant_id = pt.id and vo.q = q.q_start
    left join reached re on re.tenant_id = pt.id and re.q = q.q_start
    left join held he on he.tenant_id = pt.id and he.q = q.q_start
    left join matches ma on ma.tenant_id = pt.id and ma.q = q.q_start
  ),
  judged as (
    select c.*, (c.num between 1 and 4 or coalesce(c.den between 1 and 4, false)) as small from cells c
  ),
  -- The total of the partners shown: hidden cells are left out, not hidden with it (decision 026,
  -- addendum). A sum of figures that are each 0 or at least 5 is never from 1 to 4.
  totals as (
    select j.q, j.metric,
      coalesce(sum(j.num) filter (where not j.small), 0) as num,
      coalesce(sum(j.den) filter (where not j.small), 0) as den
    from judged j group by j.q, j.metric
  )
  select j.tenant_id, j.name, j.q, j.metric,
    case when j.small then null
         when j.metric = 'attendanceRate' then round(j.num / nullif(j.den, 0), 4)
         else j.num end,
    j.small
  from judged j
  union all
  select null, null, t.q, t.metric,
    case when t.metric = 'attendanceRate' then round(t.num / nullif(t.den, 0), 4) else t.num end,
    false
  from totals t;
end;
$$;

-- Read by the function above only, through its owner's rights; the first version's grants stand.
