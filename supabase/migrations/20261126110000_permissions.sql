-- Permissions: which roles may do which named action, once, for every policy.
-- This is the SQL mirror of ACTIONS in packages/api/src/permissions.ts; packages/api/test/
-- permissions.test.ts reads this table and fails when the two differ. A policy names the action
-- instead of listing roles:
--   using (tenant_id = any (array(select app.tenants_where('roster.edit'))))
-- `roles` may do the action on every row of the workspace; `own_roles` only on rows linked to the
-- caller (a peer's own course), which the policy itself must narrow to, using
-- app.tenants_where_own(action) together with its own "linked to me" condition.

-- ============================================================================
-- Tables
-- ============================================================================
create table app.action_grants (
  action text primary key check (action ~ '^[a-z]+\.[a-zA-Z]+$'),
  roles public.membership_role[] not null,
  own_roles public.membership_role[] not null default '{}',
  check (not (roles && own_roles))
);
comment on table app.action_grants is 'Named actions and the roles that may do them (mirror of ACTIONS in TypeScript).';

insert into app.action_grants (action, roles, own_roles) values
  ('workspace.read', '{owner,admin,coordinator,peer,viewer}', '{}'),
  ('workspace.manage', '{owner,admin}', '{}'),
  ('members.read', '{owner,admin,coordinator,peer,viewer}', '{}'),
  ('members.manage', '{owner,admin}', '{}'),
  ('members.manageOwners', '{owner}', '{}'),
  ('roster.read', '{owner,admin,coordinator,viewer}', '{}'),
  ('roster.edit', '{owner,admin,coordinator}', '{}'),
  ('volunteers.directory', '{peer}', '{}'),
  ('courses.read', '{owner,admin,coordinator,viewer}', '{peer}'),
  ('attendance.record', '{owner,admin,coordinator}', '{peer}'),
  ('matches.read', '{owner,admin,coordinator,viewer}', '{peer}'),
  ('matches.logMeeting', '{owner,admin,coordinator}', '{peer}'),
  ('partnerships.manage', '{owner,admin}', '{}'),
  ('billing.manage', '{owner,admin}', '{}');

-- ============================================================================
-- Grants (only the helpers below read the table)
-- ============================================================================
revoke all on app.action_grants from public, anon, authenticated;

-- ============================================================================
-- Functions
-- ============================================================================

-- An action nobody declared is a typo in a policy: fail loudly rather than deny quietly.
create function app.action_roles(action text)
returns public.membership_role[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  granted public.membership_role[];
begin
  select g.roles into granted from app.action_grants g where g.action = action_roles.action;
  if not found then
    raise exception 'unknown action: %', action using errcode = '22023';
  end if;
  return granted;
end;
$$;

create function app.action_own_roles(action text)
returns public.membership_role[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  granted public.membership_role[];
begin
  select g.own_roles into granted from app.action_grants g where g.action = action_own_roles.action;
  if not found then
    raise exception 'unknown action: %', action using errcode = '22023';
  end if;
  return granted;
end;
$$;

-- The workspaces where the caller's role may do `action` on every row.
create function app.tenants_where(action text)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.tenant_id from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = any (app.action_roles(action));
$$;

-- The workspaces where the caller's role may do `action` only on rows linked to the caller.
create function app.tenants_where_own(action text)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.tenant_id from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = any (app.action_own_roles(action));
$$;

revoke execute on function app.action_roles(text) from public;
revoke execute on function app.action_own_roles(text) from public;
revoke execute on function app.tenants_where(text) from public;
revoke execute on function app.tenants_where_own(text) from public;
grant execute on function app.action_roles(text) to authenticated;
grant execute on function app.action_own_roles(text) to authenticated;
grant execute on function app.tenants_where(text) to authenticated;
grant execute on function app.tenants_where_own(text) to authenticated;

-- ============================================================================
-- Policies: memberships (same rules as before, now by action)
-- ============================================================================
drop policy "Owners and admins can change members' roles" on public.memberships;
drop policy "Owners and admins can remove members, and anyone can leave" on public.memberships;

create policy "Members who may manage members can change roles"
  on public.memberships for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('members.manage'))))
  with check (tenant_id = any (array(select app.tenants_where('members.manage'))));

create policy "Members who may manage members can remove them, and anyone can leave"
  on public.memberships for delete to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('members.manage')))
    or user_id = (select auth.uid())
  );

-- ============================================================================
-- Policies: invitations
-- ============================================================================
drop policy "Owners and admins can see their workspace's invitations" on public.invitations;
drop policy "Owners and admins can invite, and only owners can invite owners" on public.invitations;
drop policy "Owners and admins can revoke invitations" on public.invitations;
drop policy "Owners and admins can delete invitations" on public.invitations;

create policy "Members who may manage members can see invitations"
  on public.invitations for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('members.manage'))));

create policy "Members who may manage members can invite, owners only by those who may manage owners"
  on public.invitations for insert to authenticated
  with check (
    tenant_id = any (array(select app.tenants_where('members.manage')))
    and (role <> 'owner' or tenant_id = any (array(select app.tenants_where('members.manageOwners'))))
    and expires_at <= now() + interval '30 days'
  );

-- Revoking is one-way: a revoked link never works again.
create policy "Members who may manage members can revoke invitations"
  on public.invitations for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('members.manage'))))
  with check (tenant_id = any (array(select app.tenants_where('members.manage'))) and revoked_at is not null);

create policy "Members who may manage members can delete invitations"
  on public.invitations for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('members.manage'))));

-- ============================================================================
-- Policies: volunteers
-- ============================================================================
drop policy "Owners, admins, coordinators and viewers can read volunteers" on public.volunteers;
drop policy "Owners, admins and coordinators can add volunteers" on public.volunteers;
drop policy "Owners, admins and coordinators can edit volunteers" on public.volunteers;
drop policy "Owners, admins and coordinators can delete volunteers" on public.volunteers;

create policy "Members who may read rosters can read volunteers"
  on public.volunteers for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.read'))));

create policy "Members who may edit rosters can add volunteers"
  on public.volunteers for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Members who may edit rosters can edit volunteers"
  on public.volunteers for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Members who may edit rosters can delete volunteers"
  on public.volunteers for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))));

-- ============================================================================
-- Policies: participants
-- ============================================================================
drop policy "Owners, admins, coordinators and viewers can read participants" on public.participants;
drop policy "Owners, admins and coordinators can add participants" on public.participants;
drop policy "Owners, admins and coordinators can edit participants" on public.participants;
drop policy "Owners, admins and coordinators can delete participants" on public.participants;

create policy "Members who may read rosters can read participants"
  on public.participants for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.read'))));

create policy "Members who may edit rosters can add participants"
  on public.participants for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Members who may edit rosters can edit participants"
  on public.participants for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('roster.edit'))));

create policy "Members who may edit rosters can delete participants"
  on public.participants for delete to authenticated
  using (tenant_id = any (array(select app.tenants_where('roster.edit'))));
