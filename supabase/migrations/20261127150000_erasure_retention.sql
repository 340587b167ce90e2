-- Export and erasure of one person, and retention per workspace (issue 11, Privacy;
-- docs/decisions/024-erasure-and-retention.md).
--
--  * `people.export` and `people.erase`: owners and admins, the people who answer a data subject's
--    request on the organisation's behalf.
--  * Erasure keeps the figures: the person's participation (enrolments, attendance, matches, a
--    volunteer's presence, meetings attended, expenses) moves to an anonymous stand-in, a row of the
--    same table with a new id, a placeholder name, the person's status and nothing else, marked by
--    `erased_at`. Counts, rates and sums over those rows are the same before and after; nobody reads
--    a stand-in (restrictive policies below, and the directory functions skip them).
--  * The moves and the delete run as the caller under these tables' policies; app.erase_traces
--    then crosses RLS where it must (audit log, access log, others' save receipts) and records the
--    erasure (who, which kind, when: never whom).
--  * Retention: tenants.retention_months; the nightly job (packages/api/src/privacy/retention.ts)
--    erases what app.due_for_erasure names, on the privileged path, and writes a retention run.

-- ============================================================================
-- Tables
-- ============================================================================
alter table public.participants add column erased_at timestamptz;
alter table public.volunteers add column erased_at timestamptz;
comment on column public.participants.erased_at is 'Set on the anonymous stand-in that keeps an erased participant''s counted facts; null for a person.';
comment on column public.volunteers.erased_at is 'Set on the anonymous stand-in that keeps an erased volunteer''s counted facts; null for a person.';

-- Null keeps people until someone erases them by hand.
alter table public.tenants add column retention_months smallint check (retention_months between 1 and 240);
comment on column public.tenants.retention_months is 'Months an ended participant or a stopped volunteer is kept before the retention job erases them; null: until erased by hand.';

create table public.erasures (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('participant', 'volunteer')),
  reason text not null check (reason in ('request', 'retention')),
  -- The member who erased; null for the retention job (and once the member's account is gone).
  erased_by uuid references auth.users (id) on delete set null,
  erased_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
comment on table public.erasures is 'That a person was erased, by whom, when and why; nothing about the person.';

create table public.retention_runs (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  ran_at timestamptz not null default now(),
  retention_months smallint not null,
  participants_erased integer not null check (participants_erased >= 0),
  volunteers_erased integer not null check (volunteers_erased >= 0),
  primary key (tenant_id, id)
);
comment on table public.retention_runs is 'Each run of the retention job in a workspace, and how many people it erased.';

-- ============================================================================
-- Indexes
-- ============================================================================
create index erasures_tenant_id_erased_at_idx on public.erasures (tenant_id, erased_at desc);
create index erasures_erased_by_idx on public.erasures (erased_by);
create index retention_runs_tenant_id_ran_at_idx on public.retention_runs (tenant_id, ran_at desc);

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
insert into app.action_grants (action, roles, own_roles) values
  ('people.export', '{owner,admin}', '{}'),
  ('people.erase', '{owner,admin}', '{}');

-- ============================================================================
-- Grants (both logs are written only by the functions below and the job)
-- ============================================================================
revoke all on public.erasures, public.retention_runs from anon, authenticated;
grant select on public.erasures, public.retention_runs to authenticated;
grant update (retention_months) on public.tenants to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.erasures enable row level security;
alter table public.retention_runs enable row level security;

create policy "Members who may erase people can read the workspace's erasures"
  on public.erasures for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('people.erase'))));

create policy "Members who manage settings can read the workspace's retention runs"
  on public.retention_runs for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('settings.manage'))));

-- Restrictive: whatever else lets a member read these tables, never a stand-in. Updates and
-- deletes see only what select sees, so no one changes or removes a stand-in either.
create policy "No one reads the stand-in of an erased participant"
  on public.participants as restrictive for select to authenticated
  using (erased_at is null);

create policy "No one reads the stand-in of an erased volunteer"
  on public.volunteers as restrictive for select to authenticated
  using (erased_at is null);

-- ============================================================================
-- Functions: the directories skip stand-ins (bodies as before, plus `erased_at is null`)
-- ============================================================================
create or replace function app.participants_for_viewers(workspace uuid)
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
  where p.tenant_id = workspace and p.erased_at is null
    and workspace = any (array(select app.tenants_where('roster.read')));
$$;

create or replace function app.participant_lookup(workspace uuid)
returns table (id uuid, label text, detail text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.first_name,
         case when workspace = any (array(select app.tenants_where('participants.read'))) then p.birth_year::text end
  from public.participants p
  where p.tenant_id = workspace and p.erased_at is null
    and (workspace = any (array(select app.tenants_where('roster.read')))
         or p.id in (select o from app.own_participant_ids(workspace) o));
$$;

create or replace function app.course_participants(workspace uuid, course uuid)
returns table (id uuid, first_name text)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.first_name
  from public.enrolments e
  join public.participants p on p.tenant_id = e.tenant_id and p.id = e.participant_id
  where e.tenant_id = workspace and e.course_id = course and p.erased_at is null
    and (workspace = any (array(select app.tenants_where('roster.read')))
         or app.can_on_course('attendance.record', workspace, course))
  order by p.first_name collate "da-DK-x-icu", p.id;
$$;

create or replace function app.volunteer_lookup(workspace uuid)
returns table (id uuid, label text, detail text)
language sql stable security definer set search_path = ''
as $$
  select v.id, v.name, v.email
  from public.volunteers v
  where v.tenant_id = workspace and v.erased_at is null
    and (workspace = any (array(select app.tenants_where('courses.read')))
         or workspace = any (array(select app.tenants_where_own('courses.read'))))
    and (v.status = 'active' or exists (
      select 1 from public.courses c where c.tenant_id = v.tenant_id and v.id in (c.facilitator_id, c.co_facilitator_id)));
$$;

create or replace function app.volunteer_directory(workspace uuid)
returns table (id uuid, name text, email text, phone text)
language sql stable security definer set search_path = ''
as $$
  select v.id, v.name, v.email, v.phone
  from public.volunteers v
  where v.tenant_id = workspace and v.erased_at is null
    and workspace = any (array(select app.my_tenants()))
    and v.status = 'active'
  order by v.name;
$$;

-- ============================================================================
-- Functions: erasure
-- ============================================================================

-- Who may erase in a workspace: a member granted people.erase, or the privileged path (the
-- retention job). Raises the API's `forbidden` otherwise.
create function app.require_erasure_right(workspace uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (app.is_privileged_path() or workspace = any (array(select app.tenants_where('people.erase')))) then
    raise exception 'forbidden' using errcode = '42501';
  end if;
end;
$$;

-- The anonymous stand-in of a person about to be erased: a new row of the same table with a
-- placeholder name and the person's status (the figures count by status), nothing else. A
-- function because no member may write erased_at; the person must be visible to the caller
-- (row_not_found otherwise), so it cannot be used to probe another workspace.
create function app.erasure_stand_in(workspace uuid, kind text, person uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  stand_in uuid;
begin
  perform app.require_erasure_right(workspace);
  if kind = 'participant' then
    insert into public.participants (tenant_id, first_name, status, erased_at)
    select p.tenant_id, '–', p.status, now() from public.participants p
    where p.tenant_id = workspace and p.id = person and p.erased_at is null
    returning id into stand_in;
  elsif kind = 'volunteer' then
    insert into public.volunteers (tenant_id, name, status, erased_at)
    select v.tenant_id, '–', v.status, now() from public.volunteers v
    where v.tenant_id = workspace and v.id = person and v.erased_at is null
    returning id into stand_in;
  else
    raise exception 'invalid_input' using errcode = 'P0001';
  end if;
  if stand_in is null then
    raise exception 'row_not_found' using errcode = 'P0001';
  end if;
  return stand_in;
end;
$$;

-- After the caller has moved the person's participation to the stand-in and deleted the person
-- (under RLS, in this transaction): removes what the caller may not reach, and records the
-- erasure. Refuses while the person still exists, so it never wipes the traces of someone who is
-- still there.
--   1. The audit entries this transaction wrote (the moves, the stand-in's inserts, the delete).
--   2. Every audit entry of the person's row and the stand-in's.
--   3. Rows whose history mentions the person: if the row is gone or now belongs to the stand-in,
--      its whole history goes (it was the person's: who recorded their attendance, the purposes
--      of their expenses); if it belongs to someone else now (an enrolment switched to another
--      participant), the person's id in its diffs becomes the stand-in's.
--   4. The person's id in the access log; entries left empty are dropped.
--   5. Save receipts (anyone's) that hold the person's rows.
create function app.erase_traces(workspace uuid, kind text, person uuid, stand_in uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  person_text text := person::text;
  stand_in_text text := stand_in::text;
  audited text;
  erasure uuid;
begin
  perform app.require_erasure_right(workspace);
  if kind not in ('participant', 'volunteer') then
    raise exception 'invalid_input' using errcode = 'P0001';
  end if;
  if (kind = 'participant' and (
        exists (select 1 from public.participants p where p.tenant_id = workspace and p.id = person)
        or not exists (select 1 from public.participants p where p.tenant_id = workspace and p.id = stand_in and p.erased_at is not null)))
     or (kind = 'volunteer' and (
        exists (select 1 from public.volunteers v where v.tenant_id = workspace and v.id = person)
        or not exists (select 1 from public.volunteers v where v.tenant_id = workspace and v.id = stand_in and v.erased_at is not null))) then
    raise exception 'erasure_incomplete' using errcode = 'P0001';
  end if;

  delete from public.audit_log a
  where a.tenant_id = workspace and a.changed_at = now() and a.changed_by is not distinct from (select auth.uid());

  delete from public.audit_log a where a.tenant_id = workspace and a.row_id in (person, stand_in);

  for audited in
    select distinct a.table_name from public.audit_log a
    where a.tenant_id = workspace and strpos(a.changes::text, person_text) > 0
  loop
    if pg_catalog.to_regclass(pg_catalog.format('public.%I', audited)) is null then
      delete from public.audit_log a
      where a.tenant_id = workspace and a.table_name = audited
        and a.row_id in (select n.row_id from public.audit_log n
                         where n.tenant_id = workspace and n.table_name = audited and strpos(n.changes::text, person_text) > 0);
      continue;
    end if;
    execute pg_catalog.format(
      $sql$
        delete from public.audit_log a
        where a.tenant_id = $1 and a.table_name = %1$L
          and a.row_id in (select n.row_id from public.audit_log n
                           where n.tenant_id = $1 and n.table_name = %1$L and strpos(n.changes::text, $2) > 0)
          and not exists (select 1 from public.%1$I r
                          where r.tenant_id = $1 and r.id = a.row_id and strpos(to_jsonb(r)::text, $3) = 0)
      $sql$, audited)
      using workspace, person_text, stand_in_text;
    execute pg_catalog.format(
      $sql$
        update public.audit_log a set changes = replace(a.changes::text, $2, $3)::jsonb
        where a.tenant_id = $1 and a.table_name = %1$L and strpos(a.changes::text, $2) > 0
      $sql$, audited)
      using workspace, person_text, stand_in_text;
  end loop;

  update public.access_log l set row_ids = array_remove(l.row_ids, person)
  where l.tenant_id = workspace and person = any (l.row_ids);
  delete from public.access_log l where l.tenant_id = workspace and cardinality(l.row_ids) = 0;

  delete from public.save_receipts r where r.tenant_id = workspace and strpos(r.result::text, person_text) > 0;

  insert into public.erasures (tenant_id, kind, reason, erased_by)
  values (workspace, kind, case when app.is_privileged_path() then 'retention' else 'request' end, (select auth.uid()))
  returning id into erasure;
  return erasure;
end;
$$;

-- The access-log entries that read one participant, with the reader's name in the workspace: for
-- their export. Owners read the whole log (participants.readAccessLog); those who may export read
-- the entries about the person whose data they hand over.
create function app.person_access_log(workspace uuid, person uuid)
returns table (read_at timestamptz, procedure text, reader text)
language sql stable security definer set search_path = ''
as $$
  select l.read_at, l.procedure, coalesce(m.display_name, m.email)
  from public.access_log l
  left join public.memberships m on m.tenant_id = l.tenant_id and m.user_id = l.user_id
  where l.tenant_id = workspace and person = any (l.row_ids)
    and workspace = any (array(select app.tenants_where('people.export')))
  order by l.read_at;
$$;

-- ============================================================================
-- Functions: retention (privileged path only: the job)
-- ============================================================================

-- The people of a workspace its retention setting says to erase on `today`: participants ended
-- (status ended, no enrolment still running, no match still open) and stopped volunteers (no
-- match still open) about whom nothing was recorded for retention_months. "Recorded" is the
-- latest change of their row or of their participation: an enrolment's end, an attendance mark, a
-- match, a logged meeting, an expense, their presence at a session.
create function app.due_for_erasure(workspace uuid, today date)
returns table (kind text, id uuid)
language sql stable set search_path = ''
as $$
  with cutoff as (
    select (today - pg_catalog.make_interval(months => t.retention_months))::date as before
    from public.tenants t where t.id = workspace and t.retention_months is not null
  )
  select 'participant', p.id
  from public.participants p cross join cutoff c
  where p.tenant_id = workspace and p.erased_at is null and p.status = 'ended'
    and not exists (select 1 from public.enrolments e
                    where e.tenant_id = p.tenant_id and e.participant_id = p.id and e.status = 'enrolled')
    and not exists (select 1 from public.matches m
                    where m.tenant_id = p.tenant_id and m.participant_id = p.id and m.status <> 'ended')
    and greatest(
          p.updated_at::date,
          (select max(greatest(e.updated_at::date, e.ended_on)) from public.enrolments e
           where e.tenant_id = p.tenant_id and e.participant_id = p.id),
          (select max(a.updated_at::date) from public.attendance a
           where a.tenant_id = p.tenant_id and a.participant_id = p.id),
          (select max(greatest(m.updated_at::date, mm.met_on)) from public.matches m
           left join public.match_meetings mm on mm.tenant_id = m.tenant_id and mm.match_id = m.id
           where m.tenant_id = p.tenant_id and m.participant_id = p.id)
        ) < c.before
  union all
  select 'volunteer', v.id
  from public.volunteers v cross join cutoff c
  where v.tenant_id = workspace and v.erased_at is null and v.status = 'stopped'
    and not exists (select 1 from public.matches m
                    where m.tenant_id = v.tenant_id and v.id in (m.volunteer_id, m.co_volunteer_id) and m.status <> 'ended')
    and greatest(
          v.updated_at::date,
          v.status_changed_on,
          (select max(x.updated_at::date) from public.expenses x where x.tenant_id = v.tenant_id and x.volunteer_id = v.id),
          (select max(m.updated_at::date) from public.matches m
           where m.tenant_id = v.tenant_id and v.id in (m.volunteer_id, m.co_volunteer_id)),
          (select max(f.updated_at::date) from public.facilitator_attendance f
           where f.tenant_id = v.tenant_id and f.volunteer_id = v.id)
        ) < c.before;
$$;

revoke execute on function app.require_erasure_right(uuid) from public;
revoke execute on function app.erasure_stand_in(uuid, text, uuid) from public;
revoke execute on function app.erase_traces(uuid, text, uuid, uuid) from public;
revoke execute on function app.person_access_log(uuid, uuid) from public;
revoke execute on function app.due_for_erasure(uuid, date) from public;
grant execute on function app.require_erasure_right(uuid) to authenticated;
grant execute on function app.erasure_stand_in(uuid, text, uuid) to authenticated;
grant execute on function app.erase_traces(uuid, text, uuid, uuid) to authenticated;
grant execute on function app.person_access_log(uuid, uuid) to authenticated;
