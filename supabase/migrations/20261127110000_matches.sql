-- Companionship (følgeskab): a participant matched with one or two volunteer peers for about six
-- months, and the short log of their meetings (docs/decisions/019-companionship.md).
--
-- Who does what:
--   * owners, admins, coordinators: everything (propose, edit, end, delete matches and meetings);
--   * viewers: read matches and their meeting logs (no free text exists on either table, and the
--     participant is named by first name through app.participant_lookup, as in decision 016);
--   * peers: read the matches they are a volunteer on, and log, change and remove those matches'
--     meetings. A peer is "on" a match when a volunteer row linked to their account
--     (volunteers.user_id) is its volunteer or co-volunteer.
-- There is no free text: a match is who, when and how it ended, a meeting is when, how long and
-- what kind. Clinical notes have no column to go into.
-- Peers also see participants' first names, only those on their own courses and their own
-- matches (app.participant_lookup, replaced below).

-- ============================================================================
-- Types
-- ============================================================================
create type public.match_status as enum ('proposed', 'active', 'paused', 'ended');
create type public.meeting_kind as enum ('walk', 'activity', 'conversation', 'other');

-- ============================================================================
-- Tables
-- ============================================================================
create table public.matches (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  participant_id uuid not null,
  volunteer_id uuid not null,
  co_volunteer_id uuid,
  intake_on date,
  starts_on date,
  -- Six months after the start unless someone chose another date (app.fill_match below).
  planned_end_on date,
  status public.match_status not null default 'proposed',
  end_reason text check (end_reason in ('completed', 'participant_withdrew', 'volunteer_stopped', 'no_contact', 'moved', 'other')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  -- Backstops of app.fill_match, which refuses these with a translated message first.
  check (co_volunteer_id <> volunteer_id),
  check (planned_end_on >= starts_on),
  check (end_reason is null or status = 'ended'),
  -- Erasing a participant or a volunteer takes their matches with them (a co-volunteer is only
  -- taken off the match).
  foreign key (tenant_id, participant_id) references public.participants (tenant_id, id) on delete cascade,
  foreign key (tenant_id, volunteer_id) references public.volunteers (tenant_id, id) on delete cascade,
  foreign key (tenant_id, co_volunteer_id) references public.volunteers (tenant_id, id) on delete set null (co_volunteer_id)
);
comment on table public.matches is 'Companionship: a participant and one or two volunteer peers, from a start to a planned end.';

create table public.match_meetings (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  match_id uuid not null,
  met_on date not null,
  minutes smallint check (minutes between 1 and 1440),
  kind public.meeting_kind not null default 'conversation',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, match_id) references public.matches (tenant_id, id) on delete cascade
);
comment on table public.match_meetings is 'One meeting of a match: when, how long, what kind. No notes.';

-- ============================================================================
-- Indexes (policies and the suggestions look matches up by volunteer)
-- ============================================================================
create index matches_tenant_id_participant_id_idx on public.matches (tenant_id, participant_id);
create index matches_tenant_id_volunteer_id_idx on public.matches (tenant_id, volunteer_id);
create index matches_tenant_id_co_volunteer_id_idx on public.matches (tenant_id, co_volunteer_id);
create index match_meetings_tenant_id_match_id_met_on_idx on public.match_meetings (tenant_id, match_id, met_on);

-- ============================================================================
-- Functions
-- ============================================================================
-- Whether the caller is a volunteer on a match of a workspace (through the volunteer row linked
-- to their account). Always by (workspace, match): ids are chosen by the browser, so a bare id
-- could name another workspace's match.
create function app.is_on_match(workspace uuid, match uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.matches x
    join public.volunteers v on v.tenant_id = x.tenant_id and v.id in (x.volunteer_id, x.co_volunteer_id)
    where x.tenant_id = workspace and x.id = match and v.user_id = (select auth.uid())
  );
$$;

-- Whether the caller may do `action` on a match's rows: a role granted it on the whole workspace,
-- or one granted it on its own rows (a peer) when they are on the match.
create function app.can_on_match(action text, workspace uuid, match uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select workspace = any (array(select app.tenants_where(action)))
      or (workspace = any (array(select app.tenants_where_own(action))) and app.is_on_match(workspace, match));
$$;

-- The participants a peer works with: enrolled on a course they facilitate, or on a match they
-- are on. Ids only; app.participant_lookup gives their first names.
create function app.own_participant_ids(workspace uuid)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select e.participant_id from public.enrolments e
  where e.tenant_id = workspace
    and workspace = any (array(select app.tenants_where_own('attendance.record')))
    and app.facilitates(workspace, e.course_id)
  union
  select x.participant_id from public.matches x
  where x.tenant_id = workspace
    and workspace = any (array(select app.tenants_where_own('matches.read')))
    and app.is_on_match(workspace, x.id);
$$;

-- As before (20261126141500), plus: a peer gets the first names, never the birth year, of the
-- participants on their own courses and matches, and of no one else.
create or replace function app.participant_lookup(workspace uuid)
returns table (id uuid, label text, detail text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.first_name,
         case when workspace = any (array(select app.tenants_where('participants.read'))) then p.birth_year::text end
  from public.participants p
  where p.tenant_id = workspace
    and (workspace = any (array(select app.tenants_where('roster.read')))
         or p.id in (select o from app.own_participant_ids(workspace) o));
$$;

revoke execute on function app.is_on_match(uuid, uuid) from public;
revoke execute on function app.can_on_match(text, uuid, uuid) from public;
revoke execute on function app.own_participant_ids(uuid) from public;
grant execute on function app.is_on_match(uuid, uuid) to authenticated;
grant execute on function app.can_on_match(text, uuid, uuid) to authenticated;
grant execute on function app.own_participant_ids(uuid) to authenticated;

-- ============================================================================
-- Grants (identity, parent and bookkeeping columns are never the caller's to update)
-- ============================================================================
revoke all on public.matches, public.match_meetings from anon, authenticated;
grant select, delete on public.matches, public.match_meetings to authenticated;

grant insert (tenant_id, id, participant_id, volunteer_id, co_volunteer_id, intake_on, starts_on, planned_end_on, status, end_reason)
  on public.matches to authenticated;
grant update (participant_id, volunteer_id, co_volunteer_id, intake_on, starts_on, planned_end_on, status, end_reason)
  on public.matches to authenticated;

grant insert (tenant_id, id, match_id, met_on, minutes, kind) on public.match_meetings to authenticated;
grant update (met_on, minutes, kind) on public.match_meetings to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.matches enable row level security;
alter table public.match_meetings enable row level security;

-- Matches ------------------------------------------------------------------
create policy "Readers see their workspace's matches, peers the matches they are on"
  on public.matches for select to authenticated
  using ((select app.can_on_match('matches.read', tenant_id, id)));

create policy "Owners, admins and coordinators can propose matches"
  on public.matches for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Owners, admins and coordinators can edit matches"
  on public.matches for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Owners, admins and coordinators can delete matches"
  on public.matches for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))));

-- Meetings -----------------------------------------------------------------
create policy "Readers see meeting logs, peers those of their own matches"
  on public.match_meetings for select to authenticated
  using ((select app.can_on_match('matches.read', tenant_id, match_id)));

create policy "Editors, and peers on their own matches, can log meetings"
  on public.match_meetings for insert to authenticated
  with check ((select app.can_on_match('matches.logMeeting', tenant_id, match_id)));

create policy "Editors, and peers on their own matches, can change logged meetings"
  on public.match_meetings for update to authenticated
  using ((select app.can_on_match('matches.logMeeting', tenant_id, match_id)))
  with check ((select app.can_on_match('matches.logMeeting', tenant_id, match_id)));

create policy "Editors, and peers on their own matches, can remove logged meetings"
  on public.match_meetings for delete to authenticated
  using ((select app.can_on_match('matches.logMeeting', tenant_id, match_id)));

-- ============================================================================
-- Triggers
-- ============================================================================
-- The planned end defaults to six months after the start: filled in whenever it is left empty,
-- so a coordinator may choose another date and gets the default back by clearing it. The rules
-- that span columns are refused here with keys the API translates (a bare check violation would
-- reach the user as an unexpected error). An end reason belongs to an ended match only: it is
-- dropped when a match is taken up again.
create function app.fill_match()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.planned_end_on is null and new.starts_on is not null then
    new.planned_end_on := (new.starts_on + interval '6 months')::date;
  end if;
  if new.co_volunteer_id = new.volunteer_id then
    raise exception 'match_same_volunteer' using errcode = 'P0001';
  end if;
  if new.planned_end_on < new.starts_on then
    raise exception 'match_ends_before_start' using errcode = 'P0001';
  end if;
  if new.status = 'ended' and new.end_reason is null then
    raise exception 'match_end_reason_required' using errcode = 'P0001';
  end if;
  if new.status <> 'ended' then
    new.end_reason := null;
  end if;
  return new;
end;
$$;
revoke execute on function app.fill_match() from public;

create trigger matches_fill before insert or update on public.matches
  for each row execute function app.fill_match();

do $$
declare
  t text;
begin
  foreach t in array array['matches', 'match_meetings'] loop
    execute format('create trigger %1$s_bump_version before update on public.%1$s for each row execute function app.bump_version()', t);
    execute format('create trigger %1$s_audit_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_update after update on public.%1$s referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.audit_changes()', t);
  end loop;
end;
$$;
