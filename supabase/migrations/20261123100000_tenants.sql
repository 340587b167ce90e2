-- Workspaces (tenants) and the people who belong to them.
-- Every policy in later migrations calls the helpers defined here. They live in schema `app`,
-- which PostgREST does not expose, run as security definer with an empty search_path, and only
-- the roles that need them may execute them.

-- ============================================================================
-- Types
-- ============================================================================
create type public.tenant_kind as enum ('municipality', 'association', 'region');
create type public.membership_role as enum ('owner', 'admin', 'coordinator', 'peer', 'viewer');

-- ============================================================================
-- Schema for helpers (not exposed through the API)
-- ============================================================================
create schema if not exists app;
revoke all on schema app from public;
grant usage on schema app to anon, authenticated, service_role;

-- ============================================================================
-- Tables
-- ============================================================================
create table public.tenants (
  id uuid primary key default gen_random_uuid(),
  kind public.tenant_kind not null,
  name text not null check (length(btrim(name)) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$'),
  cvr text check (cvr ~ '^[0-9]{8}$'),
  ean text check (ean ~ '^[0-9]{13}$'),
  locale text not null default 'da' check (locale in ('da', 'en')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.tenants is 'A workspace: one municipality, association or region.';

create table public.memberships (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.membership_role not null,
  -- Copied from the user at acceptance so members can list each other without reading auth.users.
  display_name text not null check (length(btrim(display_name)) between 1 and 200),
  email text not null check (email = lower(email)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, user_id)
);
comment on table public.memberships is 'Who belongs to a workspace, with which role.';

-- ============================================================================
-- Indexes (leading with what the policies filter on)
-- ============================================================================
create index memberships_user_id_tenant_id_role_idx on public.memberships (user_id, tenant_id, role);

-- ============================================================================
-- Helper functions
-- ============================================================================
create function app.my_tenants()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.tenant_id from public.memberships m where m.user_id = (select auth.uid());
$$;

create function app.tenants_with_role(variadic roles public.membership_role[])
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.tenant_id from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = any (roles);
$$;

-- Optimistic concurrency: every update bumps `version`; writers compare it in their WHERE clause.
create function app.bump_version()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end;
$$;

-- Rules a member's own request must keep, checked where no request can skip them.
create function app.guard_membership_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  target public.memberships := coalesce(new, old);
  caller_is_owner boolean;
begin
  -- The privileged path (seed, erasure of a user) is trusted; requests run as `authenticated`.
  if (select auth.role()) is distinct from 'authenticated' then
    return target;
  end if;

  caller_is_owner := exists (
    select 1 from public.memberships m
    where m.tenant_id = target.tenant_id and m.user_id = (select auth.uid()) and m.role = 'owner'
  );
  if (old.role = 'owner' or (tg_op = 'UPDATE' and new.role = 'owner')) and not caller_is_owner
     and not (tg_op = 'DELETE' and old.user_id = (select auth.uid())) then
    raise exception 'only_owner_manages_owners' using errcode = 'P0001';
  end if;

  if old.role = 'owner' and (tg_op = 'DELETE' or new.role <> 'owner') and not exists (
    select 1 from public.memberships m
    where m.tenant_id = old.tenant_id and m.role = 'owner' and m.id <> old.id
  ) then
    raise exception 'last_owner' using errcode = 'P0001';
  end if;
  return target;
end;
$$;

revoke execute on function app.my_tenants() from public;
revoke execute on function app.tenants_with_role(public.membership_role[]) from public;
revoke execute on function app.bump_version() from public;
revoke execute on function app.guard_membership_change() from public;
grant execute on function app.my_tenants() to authenticated;
grant execute on function app.tenants_with_role(public.membership_role[]) to authenticated;

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.tenants from anon, authenticated;
revoke all on public.memberships from anon, authenticated;
grant select on public.tenants to authenticated;
grant update (name, cvr, ean, locale) on public.tenants to authenticated;
grant select, delete on public.memberships to authenticated;
grant update (role) on public.memberships to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.tenants enable row level security;
alter table public.memberships enable row level security;

create policy "Members can see their own workspaces"
  on public.tenants for select to authenticated
  using (id = any (array(select app.my_tenants())));

create policy "Owners and admins can edit their workspace"
  on public.tenants for update to authenticated
  using (id = any (array(select app.tenants_with_role('owner', 'admin'))))
  with check (id = any (array(select app.tenants_with_role('owner', 'admin'))));

create policy "Members can see who else is in their workspaces"
  on public.memberships for select to authenticated
  using (tenant_id = any (array(select app.my_tenants())));

create policy "Owners and admins can change members' roles"
  on public.memberships for update to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))))
  with check (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))));

create policy "Owners and admins can remove members, and anyone can leave"
  on public.memberships for delete to authenticated
  using (
    tenant_id = any (array(select app.tenants_with_role('owner', 'admin')))
    or user_id = (select auth.uid())
  );

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger tenants_bump_version before update on public.tenants
  for each row execute function app.bump_version();
create trigger memberships_bump_version before update on public.memberships
  for each row execute function app.bump_version();
create trigger memberships_guard before update or delete on public.memberships
  for each row execute function app.guard_membership_change();
