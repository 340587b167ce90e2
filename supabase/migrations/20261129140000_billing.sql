-- Billing (docs/decisions/029): each workspace's Stripe customer, subscription and invoice
-- settings, and the Stripe events already applied. Only the privileged path writes these rows
-- (the webhook, and the billing service storing ids that Stripe returned); owners and admins read
-- their workspace's row. A region covers a partner's plan through app.set_partner_coverage.

-- ============================================================================
-- Tables
-- ============================================================================
create table public.workspace_billing (
  tenant_id uuid primary key references public.tenants (id) on delete cascade,
  stripe_customer_id text unique,
  stripe_subscription_id text unique,
  -- A plan name from packages/billing/src/plans.ts; null: no subscription (the free tier).
  plan text check (plan ~ '^[a-z_]{1,40}$'),
  status text check (status in (
    'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'
  )),
  current_period_end timestamptz,
  -- When the subscription became past due: the grace period counts from here.
  past_due_since timestamptz,
  -- The Stripe `created` time of the event whose subscription state is stored. An event created
  -- earlier never overwrites it (events arrive out of order).
  subscription_state_at timestamptz,
  -- A region paying for this partner's plan (only while their partnership is active).
  covered_by_tenant_id uuid references public.tenants (id) on delete set null,
  collection_method text not null default 'charge_automatically'
    check (collection_method in ('charge_automatically', 'send_invoice')),
  payment_terms_days integer check (payment_terms_days between 1 and 90),
  ean text check (ean ~ '^[0-9]{13}$'),
  order_reference text check (length(btrim(order_reference)) between 1 and 100),
  updated_at timestamptz not null default now(),
  check (covered_by_tenant_id <> tenant_id),
  check (collection_method = 'charge_automatically' or payment_terms_days is not null)
);
comment on table public.workspace_billing is 'A workspace''s Stripe customer, subscription state and invoice settings.';

-- Not a workspace's row: an event may name no workspace, and nobody but the webhook reads it.
create table app.stripe_events (
  id text primary key,
  type text not null,
  created_at timestamptz not null,
  received_at timestamptz not null default now()
);
comment on table app.stripe_events is 'Stripe events already applied; a duplicate delivery finds its id here and does nothing.';

-- ============================================================================
-- Indexes
-- ============================================================================
create index workspace_billing_covered_by_idx on public.workspace_billing (covered_by_tenant_id)
  where covered_by_tenant_id is not null;

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.workspace_billing from anon, authenticated;
grant select on public.workspace_billing to authenticated;
revoke all on app.stripe_events from public, anon, authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.workspace_billing enable row level security;
alter table app.stripe_events enable row level security;

create policy "Members who manage billing read their workspace's billing"
  on public.workspace_billing for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('billing.manage'))));

-- ============================================================================
-- Functions
-- ============================================================================

-- How long a past-due workspace keeps working (with a banner) before writes are locked.
create function app.billing_grace_period()
returns interval
language sql immutable set search_path = ''
as $$ select interval '14 days' $$;

-- Whether a region pays for this workspace's plan: it marked it, and their partnership is active.
create function app.billing_is_covered(b public.workspace_billing)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select b.covered_by_tenant_id is not null and exists (
    select 1 from public.partnerships p
    where p.tenant_id = b.covered_by_tenant_id and p.partner_tenant_id = b.tenant_id and p.status = 'active'
  );
$$;

-- The rule on a billing row alone: cancelled (or unpaid to the end), or past due beyond the grace
-- period, and nobody covering the plan.
create function app.billing_row_locks_writes(b public.workspace_billing)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select not app.billing_is_covered(b) and (
    b.status in ('canceled', 'unpaid', 'incomplete_expired')
    or (b.status = 'past_due' and b.past_due_since < now() - app.billing_grace_period())
  );
$$;

-- Whether billing makes this workspace read-only (OR-ed into app.tenant_read_only at merge).
-- Answers only for the caller's own workspaces; a workspace without a billing row is never locked.
create function app.billing_locks_writes(tenant uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select app.billing_row_locks_writes(b) from public.workspace_billing b
    where b.tenant_id = tenant and tenant = any (array(select app.my_tenants()))
  ), false);
$$;

-- What every member's requests need to know: the plan (for its limits), and whether to warn or lock.
create function app.billing_entitlement(tenant uuid)
returns table (
  plan text, status text, past_due_since timestamptz, grace_ends_at timestamptz,
  covered boolean, locks_writes boolean
)
language sql stable security definer set search_path = ''
as $$
  select b.plan, b.status, b.past_due_since, b.past_due_since + app.billing_grace_period(),
         app.billing_is_covered(b), app.billing_row_locks_writes(b)
  from public.workspace_billing b
  where b.tenant_id = tenant and tenant = any (array(select app.my_tenants()));
$$;

-- Who covers this workspace, and whom it covers, by name (the tenants' policy hides other
-- workspaces' names). Only for those who manage billing.
create function app.billing_coverage(tenant uuid)
returns table (relation text, tenant_id uuid, name text)
language sql stable security definer set search_path = ''
as $$
  select 'covered_by', t.id, t.name
  from public.workspace_billing b join public.tenants t on t.id = b.covered_by_tenant_id
  where b.tenant_id = tenant and app.billing_is_covered(b)
    and tenant = any (array(select app.tenants_where('billing.manage')))
  union all
  select 'covers', t.id, t.name
  from public.workspace_billing b join public.tenants t on t.id = b.tenant_id
  where b.covered_by_tenant_id = tenant and app.billing_is_covered(b)
    and tenant = any (array(select app.tenants_where('billing.manage')))
  order by 1, 3;
$$;

-- A region starts or stops paying for an active partner's plan. Another region's coverage is
-- left alone: the partner must be uncovered first.
create function app.set_partner_coverage(region uuid, partner uuid, covered boolean)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current_cover uuid;
begin
  if not (region = any (array(select app.tenants_where('billing.manage')))) or not exists (
    select 1 from public.partnerships p
    where p.tenant_id = region and p.partner_tenant_id = partner and p.status = 'active'
  ) then
    raise exception 'partnership_not_found' using errcode = 'P0001';
  end if;
  select b.covered_by_tenant_id into current_cover from public.workspace_billing b where b.tenant_id = partner for update;
  if current_cover is not null and current_cover <> region then
    raise exception 'billing_covered_by_other' using errcode = 'P0001';
  end if;
  insert into public.workspace_billing (tenant_id, covered_by_tenant_id)
  values (partner, case when covered then region end)
  on conflict (tenant_id) do update set covered_by_tenant_id = excluded.covered_by_tenant_id, updated_at = now();
  return covered;
end;
$$;

revoke execute on function app.billing_grace_period() from public;
revoke execute on function app.billing_is_covered(public.workspace_billing) from public;
revoke execute on function app.billing_row_locks_writes(public.workspace_billing) from public;
revoke execute on function app.billing_locks_writes(uuid) from public;
revoke execute on function app.billing_entitlement(uuid) from public;
revoke execute on function app.billing_coverage(uuid) from public;
revoke execute on function app.set_partner_coverage(uuid, uuid, boolean) from public;
grant execute on function app.billing_grace_period() to authenticated;
grant execute on function app.billing_locks_writes(uuid) to authenticated;
grant execute on function app.billing_entitlement(uuid) to authenticated;
grant execute on function app.billing_coverage(uuid) to authenticated;
grant execute on function app.set_partner_coverage(uuid, uuid, boolean) to authenticated;
