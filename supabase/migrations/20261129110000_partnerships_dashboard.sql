-- Partnerships with a life cycle and a history, regions that may run no activities of their own,
-- and the region's dashboard: figures about partners that cross the workspace boundary only as
-- suppressed counts from security-definer functions in schema `aggregates`.
-- See docs/decisions/026-partnerships-and-region-dashboard.md.
--
-- The life cycle, on one row per (region, partner):
--   region proposes (insert, or ended -> proposed to invite again)  -> proposed
--   region withdraws a proposal                                     proposed -> ended  ('withdrawn')
--   partner accepts / declines (app.respond_to_partnership)         proposed -> active / ended ('declined')
--   either side ends                                                active -> ended ('ended')
-- Every change of status writes one row of public.partnership_events (trigger), so the history
-- cannot be skipped by writing the table directly. Nothing deletes a partnership any more: the
-- history would go with it.

-- ============================================================================
-- Types
-- ============================================================================
create type public.partnership_event as enum ('proposed', 'withdrawn', 'accepted', 'declined', 'ended');
create type public.partnership_side as enum ('region', 'partner');

-- ============================================================================
-- Tables
-- ============================================================================
-- Whether the workspace runs peer-support activities itself (rosters in the navigation). A region
-- usually only funds and follows; municipalities and associations do. Filled per kind on insert
-- (app.fill_runs_activities) when the writer leaves it out.
alter table public.tenants add column runs_activities boolean;
update public.tenants set runs_activities = (kind <> 'region');
alter table public.tenants alter column runs_activities set not null;
comment on column public.tenants.runs_activities is
  'Whether the workspace keeps its own rosters (volunteers, courses, ...); false for most regions.';

create table public.partnership_events (
  -- The region's, like the partnership it is about; the partner reads it through the policy below.
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  partnership_id uuid not null,
  event public.partnership_event not null,
  side public.partnership_side,
  -- Copied at the time, so the other side can read who acted without reading memberships.
  actor_name text check (length(actor_name) <= 200),
  occurred_at timestamptz not null default clock_timestamp(),
  primary key (tenant_id, id),
  foreign key (tenant_id, partnership_id) references public.partnerships (tenant_id, id) on delete cascade
);
comment on table public.partnership_events is 'Who proposed, answered, withdrew or ended a partnership, and when.';

-- ============================================================================
-- Indexes
-- ============================================================================
create index partnership_events_tenant_id_partnership_id_idx
  on public.partnership_events (tenant_id, partnership_id, occurred_at);
create index partnership_events_partnership_id_idx on public.partnership_events (partnership_id);
-- The dashboard's partners: a region's active partnerships.
create index partnerships_tenant_id_status_idx on public.partnerships (tenant_id, status);
-- The dashboard's per-quarter counts over a partner's records.
create index matches_tenant_id_starts_on_idx on public.matches (tenant_id, starts_on);
create index attendance_tenant_id_session_id_status_idx
  on public.attendance (tenant_id, session_id) include (participant_id, status);

-- ============================================================================
-- Grants
-- ============================================================================
grant update (runs_activities) on public.tenants to authenticated;
-- Withdrawing is a change of status now, so the history stays (see the header).
revoke delete on public.partnerships from authenticated;
drop policy "Region owners and admins can withdraw a proposal" on public.partnerships;

revoke all on public.partnership_events from anon, authenticated;
grant select on public.partnership_events to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.partnership_events enable row level security;

-- The region's members see its row directly; the partner's through the partnership they can see.
create policy "Both sides of a partnership can see its history"
  on public.partnership_events for select to authenticated
  using (
    tenant_id = any (array(select app.my_tenants()))
    or partnership_id in (
      select p.id from public.partnerships p where p.partner_tenant_id = any (array(select app.my_tenants()))
    )
  );

-- ============================================================================
-- Functions: the life cycle
-- ============================================================================
create function app.fill_runs_activities()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.runs_activities := coalesce(new.runs_activities, new.kind <> 'region');
  return new;
end;
$$;

-- Dates follow the status, whoever wrote it: a new proposal starts with none.
create function app.partnership_dates()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status = 'proposed' then
    new.started_on := null;
    new.ended_on := null;
  elsif new.status = 'active' then
    new.started_on := coalesce(new.started_on, current_date);
    new.ended_on := null;
  elsif new.status = 'ended' then
    new.ended_on := coalesce(new.ended_on, current_date);
  end if;
  return new;
end;
$$;

-- One history row per change of status. The partner's function says it acts for the partner
-- (brobygger.partnership_side); every other request is the region's own update.
create function app.record_partnership_event()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  acting public.partnership_side := nullif(current_setting('brobygger.partnership_side', true), '')::public.partnership_side;
  what public.partnership_event;
  who text;
begin
  if tg_op = 'UPDATE' and new.status = old.status then
    return null;
  end if;
  if (select auth.role()) = 'authenticated' then
    acting := coalesce(acting, 'region');
    select m.display_name into who from public.memberships m
    where m.user_id = (select auth.uid())
      and m.tenant_id = case when acting = 'region' then new.tenant_id else new.partner_tenant_id end;
  end if;
  what := case
    when new.status = 'proposed' then 'proposed'
    when new.status = 'active' then 'accepted'
    when old.status = 'active' then 'ended'
    when acting = 'partner' then 'declined'
    else 'withdrawn'
  end;
  insert into public.partnership_events (tenant_id, partnership_id, event, side, actor_name)
  values (new.tenant_id, new.id, what, acting, who);
  return null;
end;
$$;

-- Replaces the first version: refuses an answer that does not fit the status with a key the API
-- translates, instead of quietly returning the status unchanged.
create or replace function app.respond_to_partnership(partnership_id uuid, accept boolean)
returns public.partnership_status
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.partnerships;
begin
  select * into p from public.partnerships
  where id = partnership_id
    and partner_tenant_id = any (array(select app.tenants_with_role('owner', 'admin')))
  for update;
  if not found then
    raise exception 'partnership_not_found' using errcode = 'P0001';
  end if;
  if accept and p.status <> 'proposed' then
    raise exception 'partnership_not_proposed' using errcode = 'P0001';
  end if;
  if not accept and p.status = 'ended' then
    raise exception 'partnership_already_ended' using errcode = 'P0001';
  end if;
  perform set_config('brobygger.partnership_side', 'partner', true);
  update public.partnerships set status = case when accept then 'active' else 'ended' end::public.partnership_status
  where tenant_id = p.tenant_id and id = p.id returning status into p.status;
  perform set_config('brobygger.partnership_side', '', true);
  return p.status;
end;
$$;

-- Workspaces a region's owner or admin may invite: municipalities and associations whose name
-- contains the words, or whose slug is the words. Name and kind only (and the id to invite by).
create function app.partner_candidates(region uuid, words text)
returns table (id uuid, name text, kind public.tenant_kind)
language sql stable security definer set search_path = ''
as $$
  select t.id, t.name, t.kind
  from public.tenants t
  where region = any (array(select app.tenants_with_role('owner', 'admin')))
    and exists (select 1 from public.tenants r where r.id = region and r.kind = 'region')
    and t.kind <> 'region'
    and length(btrim(words)) >= 2
    and (t.name ilike '%' || replace(replace(replace(btrim(words), '\', '\\'), '%', '\%'), '_', '\_') || '%'
         or t.slug = lower(btrim(words)))
  order by t.name collate "da-DK-x-icu", t.id
  limit 20;
$$;

revoke execute on function app.fill_runs_activities() from public;
revoke execute on function app.partnership_dates() from public;
revoke execute on function app.record_partnership_event() from public;
revoke execute on function app.partner_candidates(uuid, text) from public;
grant execute on function app.partner_candidates(uuid, text) to authenticated;

-- ============================================================================
-- Aggregates: the only way figures about partners reach a region
-- ============================================================================
create schema if not exists aggregates;
revoke all on schema aggregates from public;
grant usage on schema aggregates to authenticated;

-- Per active partner and per quarter from `first_quarter` to `last_quarter` (at most 8), and in
-- total: volunteers active, participants reached, sessions held, the attendance rate and active
-- matches. The caller must be a member of the region; partners without an active partnership
-- are simply not there, so ending one removes its figures from the next call (nothing is cached).
--
-- Suppression (decision 026):
--   * a count from 1 to 4 comes back as null with `suppressed`;
--   * a rate is suppressed when its numerator or its denominator is from 1 to 4;
--   * the total of a quarter and metric is suppressed when any partner's cell in it is, or when
--     it is itself from 1 to 4: otherwise the total minus the shown cells gives the hidden ones.
--     Quarters are never summed, so no other sum exists to subtract from.
create function aggregates.region_dashboard(region uuid, first_quarter date, last_quarter date)
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
  held as (
    select s.tenant_id, s.id, date_trunc('quarter', s.held_on)::date as q
    from public.course_sessions s
    where s.tenant_id in (select id from partners)
      and s.held_on >= q_from and s.held_on < (q_to + interval '3 months') and s.held_on <= current_date
      and s.status <> 'cancelled'
  ),
  sessions as (
    select h.tenant_id, h.q, count(*) as n from held h group by h.tenant_id, h.q
  ),
  marks as (
    select h.tenant_id, h.q, a.participant_id, a.status
    from held h join public.attendance a on a.tenant_id = h.tenant_id and a.session_id = h.id
  ),
  rates as (
    select m.tenant_id, m.q,
      count(*) filter (where m.status = 'present') as present,
      count(*) filter (where m.status in ('present', 'absent', 'no_show')) as expected
    from marks m group by m.tenant_id, m.q
  ),
  reached as (
    select r.tenant_id, r.q, count(*) as n
    from (select distinct m.tenant_id, m.q, m.participant_id from marks m where m.status = 'present') r
    group by r.tenant_id, r.q
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
        when 'sessionsHeld' then coalesce(se.n, 0)
        when 'activeMatches' then coalesce(ma.n, 0)
        else coalesce(ra.present, 0) end::numeric as num,
      case when k.metric = 'attendanceRate' then coalesce(ra.expected, 0) end::numeric as den
    from partners pt cross join quarters q
    cross join unnest (array['volunteersActive', 'participantsReached', 'sessionsHeld', 'attendanceRate', 'activeMatches']) k (metric)
    left join volunteers vo on vo.tenant_id = pt.id and vo.q = q.q_start
    left join reached re on re.tenant_id = pt.id and re.q = q.q_start
    left join sessions se on se.tenant_id = pt.id and se.q = q.q_start
    left join rates ra on ra.tenant_id = pt.id and ra.q = q.q_start
    left join matches ma on ma.tenant_id = pt.id and ma.q = q.q_start
  ),
  judged as (
    select c.*, (c.num between 1 and 4 or coalesce(c.den between 1 and 4, false)) as small from cells c
  ),
  totals as (
    select j.q, j.metric, sum(j.num) as num, sum(j.den) as den, bool_or(j.small) as any_small
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
    case when t.any_small or t.num between 1 and 4 or t.den between 1 and 4 then null
         when t.metric = 'attendanceRate' then round(t.num / nullif(t.den, 0), 4)
         else t.num end,
    t.any_small or t.num between 1 and 4 or coalesce(t.den between 1 and 4, false)
  from totals t;
end;
$$;

revoke execute on function aggregates.region_dashboard(uuid, date, date) from public;
grant execute on function aggregates.region_dashboard(uuid, date, date) to authenticated;

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger tenants_fill_runs_activities before insert on public.tenants
  for each row execute function app.fill_runs_activities();
create trigger partnerships_dates before insert or update of status on public.partnerships
  for each row execute function app.partnership_dates();
create trigger partnerships_record_event after insert or update of status on public.partnerships
  for each row execute function app.record_partnership_event();
