-- The volunteers' side (issue 8, decision 020): volunteer meetings with minutes and who attended,
-- expenses with approval, and the per-km rate as a workspace setting with a history by date.
--
-- Who does what:
--   * meetings and their attendees: every member reads them (minutes are written for the volunteers
--     who were absent); owners, admins and coordinators add, change and remove them;
--   * km rates: every member reads them (they price a peer's own transport); owners and admins
--     manage them;
--   * expenses: owners, admins, coordinators and viewers read all of them; a peer reads the
--     expenses of the volunteer row linked to their account (volunteers.user_id). Editors enter
--     and change any expense; a peer enters their own and changes them until a coordinator has
--     decided (approved or rejected): a decision locks the expense for the peer. Only those who
--     may approve change an expense's status.

-- ============================================================================
-- Types
-- ============================================================================
create type public.volunteer_meeting_kind as enum ('monthly_meeting', 'supervision');
create type public.expense_kind as enum ('transport', 'other');
create type public.expense_status as enum ('submitted', 'approved', 'rejected');

-- ============================================================================
-- Tables
-- ============================================================================
create table public.volunteer_meetings (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind public.volunteer_meeting_kind not null default 'monthly_meeting',
  held_on date not null,
  topic text check (length(topic) <= 200),
  minutes text check (length(minutes) <= 4000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint volunteer_meetings_topic_no_cpr check (topic !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  constraint volunteer_meetings_minutes_no_cpr check (minutes !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)')
);
comment on table public.volunteer_meetings is 'Monthly volunteer meetings and supervision, with minutes.';

create table public.volunteer_meeting_attendees (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  meeting_id uuid not null,
  volunteer_id uuid not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, meeting_id, volunteer_id),
  foreign key (tenant_id, meeting_id) references public.volunteer_meetings (tenant_id, id) on delete cascade,
  foreign key (tenant_id, volunteer_id) references public.volunteers (tenant_id, id) on delete cascade
);
comment on table public.volunteer_meeting_attendees is 'A volunteer who attended a volunteer meeting.';

-- The rate at a date is the one with the latest valid_from on or before it.
create table public.km_rates (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  valid_from date not null,
  rate numeric not null check (rate > 0 and rate < 100 and rate = round(rate, 2)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, valid_from)
);
comment on table public.km_rates is 'The per-km rate for transport expenses, by the date it applies from.';

-- Decimals as plain numeric with their scale in a check (the API writes and compares `numeric`).
-- A transport expense has km and no amount (the rate at its date prices it), any other outlay an
-- amount and no km: the trigger below clears the other one when the kind changes.
create table public.expenses (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  volunteer_id uuid not null,
  spent_on date not null,
  kind public.expense_kind not null default 'transport',
  km numeric check (km > 0 and km <= 5000 and km = round(km, 1)),
  amount numeric check (amount > 0 and amount <= 100000 and amount = round(amount, 2)),
  purpose text not null check (length(btrim(purpose)) between 1 and 300),
  status public.expense_status not null default 'submitted',
  decided_at timestamptz,
  decided_by uuid references auth.users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (kind <> 'transport' or km is not null),
  check (kind <> 'other' or amount is not null),
  constraint expenses_purpose_no_cpr check (purpose !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  foreign key (tenant_id, volunteer_id) references public.volunteers (tenant_id, id) on delete cascade
);
comment on table public.expenses is 'Transport and other outlays of a volunteer, approved by a coordinator.';

-- ============================================================================
-- Indexes (primary keys lead with tenant_id; foreign keys and policy lookups get their own)
-- ============================================================================
create index volunteer_meetings_tenant_id_held_on_idx on public.volunteer_meetings (tenant_id, held_on);
create index volunteer_meeting_attendees_tenant_id_volunteer_id_idx on public.volunteer_meeting_attendees (tenant_id, volunteer_id);
create index expenses_tenant_id_volunteer_id_idx on public.expenses (tenant_id, volunteer_id);
create index expenses_tenant_id_status_spent_on_idx on public.expenses (tenant_id, status, spent_on);
create index expenses_decided_by_idx on public.expenses (decided_by);

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
insert into app.action_grants (action, roles, own_roles) values
  ('meetings.read', '{owner,admin,coordinator,peer,viewer}', '{}'),
  ('meetings.edit', '{owner,admin,coordinator}', '{}'),
  ('expenses.read', '{owner,admin,coordinator,viewer}', '{peer}'),
  ('expenses.submit', '{owner,admin,coordinator}', '{peer}'),
  ('expenses.approve', '{owner,admin,coordinator}', '{}'),
  ('settings.manage', '{owner,admin}', '{}');

-- ============================================================================
-- Functions
-- ============================================================================
-- The volunteer row linked to the caller's account in a workspace, if any.
create function app.my_volunteer(workspace uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select v.id from public.volunteers v where v.tenant_id = workspace and v.user_id = (select auth.uid());
$$;

-- Whether the caller may do `action` on an expense: a role granted it on the whole workspace, or
-- one granted it on its own rows (a peer) when the expense is theirs and still undecided.
create function app.can_on_expense(action text, workspace uuid, volunteer uuid, status public.expense_status)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select workspace = any (array(select app.tenants_where(action)))
      or (workspace = any (array(select app.tenants_where_own(action)))
          and volunteer = app.my_volunteer(workspace)
          and status = 'submitted');
$$;

-- The caller's own volunteer row, by name and e-mail: the one volunteer a peer may pick on an expense.
create function app.own_volunteer_lookup(workspace uuid)
returns table (id uuid, label text, detail text)
language sql stable security definer set search_path = ''
as $$
  select v.id, v.name, v.email from public.volunteers v
  where v.tenant_id = workspace and v.user_id = (select auth.uid());
$$;

-- The per-km rate valid on a day: the latest valid_from on or before it (null before the first).
-- Security invoker: the caller reads rates through the table's policy.
create function app.km_rate_at(workspace uuid, day date)
returns numeric
language sql stable set search_path = ''
as $$
  select r.rate from public.km_rates r
  where r.tenant_id = workspace and r.valid_from <= day
  order by r.valid_from desc limit 1;
$$;

revoke execute on function app.my_volunteer(uuid) from public;
revoke execute on function app.can_on_expense(text, uuid, uuid, public.expense_status) from public;
revoke execute on function app.own_volunteer_lookup(uuid) from public;
revoke execute on function app.km_rate_at(uuid, date) from public;
grant execute on function app.my_volunteer(uuid) to authenticated;
grant execute on function app.can_on_expense(text, uuid, uuid, public.expense_status) to authenticated;
grant execute on function app.own_volunteer_lookup(uuid) to authenticated;
grant execute on function app.km_rate_at(uuid, date) to authenticated;

-- ============================================================================
-- Grants (identity, parent and bookkeeping columns are never the caller's to update)
-- ============================================================================
revoke all on public.volunteer_meetings, public.volunteer_meeting_attendees, public.km_rates, public.expenses
  from anon, authenticated;
grant select, delete on public.volunteer_meetings, public.volunteer_meeting_attendees, public.km_rates, public.expenses
  to authenticated;

grant insert (tenant_id, id, kind, held_on, topic, minutes) on public.volunteer_meetings to authenticated;
grant update (kind, held_on, topic, minutes) on public.volunteer_meetings to authenticated;

grant insert (tenant_id, id, meeting_id, volunteer_id) on public.volunteer_meeting_attendees to authenticated;
grant update (volunteer_id) on public.volunteer_meeting_attendees to authenticated;

grant insert (tenant_id, id, valid_from, rate) on public.km_rates to authenticated;
grant update (valid_from, rate) on public.km_rates to authenticated;

grant insert (tenant_id, id, volunteer_id, spent_on, kind, km, amount, purpose, status) on public.expenses to authenticated;
grant update (volunteer_id, spent_on, kind, km, amount, purpose, status) on public.expenses to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.volunteer_meetings enable row level security;
alter table public.volunteer_meeting_attendees enable row level security;
alter table public.km_rates enable row level security;
alter table public.expenses enable row level security;

-- Meetings -----------------------------------------------------------------
create policy "Members can read their workspace's volunteer meetings"
  on public.volunteer_meetings for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('meetings.read'))));

create policy "Owners, admins and coordinators can add volunteer meetings"
  on public.volunteer_meetings for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('meetings.edit'))));

create policy "Owners, admins and coordinators can edit volunteer meetings"
  on public.volunteer_meetings for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('meetings.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('meetings.edit'))));

create policy "Owners, admins and coordinators can delete volunteer meetings"
  on public.volunteer_meetings for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('meetings.edit'))));

-- Attendees ----------------------------------------------------------------
create policy "Members can read who attended their workspace's volunteer meetings"
  on public.volunteer_meeting_attendees for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('meetings.read'))));

create policy "Owners, admins and coordinators can add attendees"
  on public.volunteer_meeting_attendees for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('meetings.edit'))));

create policy "Owners, admins and coordinators can change attendees"
  on public.volunteer_meeting_attendees for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('meetings.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('meetings.edit'))));

create policy "Owners, admins and coordinators can remove attendees"
  on public.volunteer_meeting_attendees for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('meetings.edit'))));

-- Km rates -----------------------------------------------------------------
create policy "Members can read their workspace's km rates"
  on public.km_rates for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('workspace.read'))));

create policy "Owners and admins can add km rates"
  on public.km_rates for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('settings.manage'))));

create policy "Owners and admins can change km rates"
  on public.km_rates for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('settings.manage'))))
  with check (tenant_id = any (array(select app.tenants_where('settings.manage'))));

create policy "Owners and admins can delete km rates"
  on public.km_rates for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('settings.manage'))));

-- Expenses -----------------------------------------------------------------
create policy "Editors and viewers read expenses, peers their own"
  on public.expenses for select to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('expenses.read')))
    or (tenant_id = any (array(select app.tenants_where_own('expenses.read')))
        and volunteer_id = (select app.my_volunteer(tenant_id)))
  );

create policy "Editors enter any expense, peers their own undecided ones"
  on public.expenses for insert to authenticated
  with check ((select app.can_on_expense('expenses.submit', tenant_id, volunteer_id, status)));

create policy "Editors change any expense, peers their own until it is decided"
  on public.expenses for update to authenticated
  using ((select app.can_on_expense('expenses.submit', tenant_id, volunteer_id, status)))
  with check ((select app.can_on_expense('expenses.submit', tenant_id, volunteer_id, status)));

create policy "Owners, admins and coordinators can delete expenses"
  on public.expenses for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('expenses.submit'))));

-- ============================================================================
-- Triggers
-- ============================================================================
-- Before an expense is written: a blank volunteer is the caller's own volunteer row (a peer enters
-- their own without picking themselves); the kind decides whether km or an amount is kept; and only
-- those who may approve change the status, which records who decided and when.
create function app.prepare_expense()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.volunteer_id is null then
    new.volunteer_id := app.my_volunteer(new.tenant_id);
    if new.volunteer_id is null then
      raise exception 'expense_volunteer_required' using errcode = 'P0001';
    end if;
  end if;
  if new.kind = 'transport' then
    new.amount := null;
  else
    new.km := null;
  end if;
  if (tg_op = 'INSERT' and new.status <> 'submitted') or (tg_op = 'UPDATE' and new.status <> old.status) then
    if not app.is_privileged_path()
       and not (new.tenant_id = any (array(select app.tenants_where('expenses.approve')))) then
      raise exception 'expense_decided_by_coordinators' using errcode = 'P0001';
    end if;
    new.decided_at := case when new.status = 'submitted' then null else now() end;
    new.decided_by := case when new.status = 'submitted' then null else (select auth.uid()) end;
  end if;
  return new;
end;
$$;
revoke execute on function app.prepare_expense() from public;

create trigger expenses_prepare before insert or update on public.expenses
  for each row execute function app.prepare_expense();

do $$
declare
  t text;
begin
  foreach t in array array['volunteer_meetings', 'volunteer_meeting_attendees', 'km_rates', 'expenses'] loop
    execute format('create trigger %1$s_bump_version before update on public.%1$s for each row execute function app.bump_version()', t);
    execute format('create trigger %1$s_audit_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_update after update on public.%1$s referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.audit_changes()', t);
  end loop;
end;
$$;
