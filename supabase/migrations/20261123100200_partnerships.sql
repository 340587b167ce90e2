-- Partnerships: a region funds and follows partner workspaces (municipalities, associations).
-- Both sides can see that the partnership exists. The region proposes and ends it; the partner's
-- owners or admins accept it. No policy here lets a region read a partner's rows: regions get
-- figures only through aggregate functions that check for an active partnership.

-- ============================================================================
-- Types
-- ============================================================================
create type public.partnership_status as enum ('proposed', 'active', 'ended');

-- ============================================================================
-- Tables
-- ============================================================================
create table public.partnerships (
  -- The region that owns the partnership.
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  partner_tenant_id uuid not null references public.tenants (id) on delete cascade,
  status public.partnership_status not null default 'proposed',
  started_on date,
  ended_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, partner_tenant_id),
  check (partner_tenant_id <> tenant_id),
  check (ended_on is null or started_on is null or ended_on >= started_on)
);
comment on table public.partnerships is 'A region''s funding relationship with a partner workspace.';

-- ============================================================================
-- Indexes
-- ============================================================================
create index partnerships_partner_tenant_id_idx on public.partnerships (partner_tenant_id);

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.partnerships from anon, authenticated;
grant select on public.partnerships to authenticated;
grant insert (tenant_id, partner_tenant_id, started_on) on public.partnerships to authenticated;
grant update (status, started_on, ended_on) on public.partnerships to authenticated;
grant delete on public.partnerships to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.partnerships enable row level security;

create policy "Both sides can see a partnership"
  on public.partnerships for select to authenticated
  using (
    tenant_id = any (array(select app.my_tenants()))
    or partner_tenant_id = any (array(select app.my_tenants()))
  );

create policy "Region owners and admins can propose a partnership"
  on public.partnerships for insert to authenticated
  with check (
    tenant_id = any (array(select app.tenants_with_role('owner', 'admin')))
    and status = 'proposed'
  );

-- Never to 'active': only the partner accepts, through app.respond_to_partnership.
create policy "Region owners and admins can change or end a partnership"
  on public.partnerships for update to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))))
  with check (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))) and status <> 'active');

create policy "Region owners and admins can withdraw a proposal"
  on public.partnerships for delete to authenticated
  using (
    tenant_id = any (array(select app.tenants_with_role('owner', 'admin')))
    and status = 'proposed'
  );

-- ============================================================================
-- Functions
-- ============================================================================
create function app.check_partnership_kinds()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select kind from public.tenants where id = new.tenant_id) <> 'region' then
    raise exception 'partnership_owner_not_region' using errcode = 'P0001';
  end if;
  if (select kind from public.tenants where id = new.partner_tenant_id) = 'region' then
    raise exception 'partnership_partner_is_region' using errcode = 'P0001';
  end if;
  return new;
end;
$$;

-- The partner side answers a proposal, or ends an active partnership, through this function only.
create function app.respond_to_partnership(partnership_id uuid, accept boolean)
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
  if accept and p.status = 'proposed' then
    update public.partnerships set status = 'active', started_on = coalesce(started_on, current_date)
    where tenant_id = p.tenant_id and id = p.id returning status into p.status;
  elsif not accept and p.status <> 'ended' then
    update public.partnerships set status = 'ended', ended_on = current_date
    where tenant_id = p.tenant_id and id = p.id returning status into p.status;
  end if;
  return p.status;
end;
$$;

-- Both sides' view of their partnerships, with the other side's name (tenants' own policy would
-- hide it). Names and status only: nothing else about the other workspace.
create function app.partnerships_of(workspace uuid)
returns table (
  id uuid, status public.partnership_status, started_on date, ended_on date,
  counterpart_name text, counterpart_kind public.tenant_kind
)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.status, p.started_on, p.ended_on, t.name, t.kind
  from public.partnerships p
  join public.tenants t
    on t.id = case when p.tenant_id = workspace then p.partner_tenant_id else p.tenant_id end
  where workspace = any (array(select app.my_tenants()))
    and (p.tenant_id = workspace or p.partner_tenant_id = workspace)
  order by t.name;
$$;

revoke execute on function app.partnerships_of(uuid) from public;
grant execute on function app.partnerships_of(uuid) to authenticated;
revoke execute on function app.check_partnership_kinds() from public;
revoke execute on function app.respond_to_partnership(uuid, boolean) from public;
grant execute on function app.respond_to_partnership(uuid, boolean) to authenticated;

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger partnerships_check_kinds before insert or update of tenant_id, partner_tenant_id
  on public.partnerships for each row execute function app.check_partnership_kinds();
create trigger partnerships_bump_version before update on public.partnerships
  for each row execute function app.bump_version();
