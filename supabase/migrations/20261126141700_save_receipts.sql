-- Save receipts: what a committed grid save returned, by the batch id the browser chose for it.
-- A save whose answer was lost (the network dropped it) is sent again with the same batch id; the
-- API then answers with the receipt instead of running the save a second time, which would come
-- back as a false conflict (the rows it changed have newer versions now) and could write twice.
-- Written in the same transaction as the save, so a receipt exists exactly when the save committed.
-- Receipts hold the saved rows (personal data) and are kept for a day only.

-- ============================================================================
-- Tables
-- ============================================================================
create table public.save_receipts (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  batch_id uuid not null,
  -- The roster and a hash of the request, so the same batch id with other rows is refused.
  roster text not null check (roster ~ '^[a-zA-Z][a-zA-Z0-9_]{0,40}$'),
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  result jsonb not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id, batch_id)
);
comment on table public.save_receipts is
  'The result of each committed grid save by its browser-chosen batch id, so a retried save is answered, not repeated. Kept one day.';

-- ============================================================================
-- Indexes (the primary key leads with tenant_id and user_id, which every policy filters on)
-- ============================================================================
-- Pruning deletes one user's old receipts in a workspace.
create index save_receipts_tenant_id_user_id_created_at_idx on public.save_receipts (tenant_id, user_id, created_at);
create index save_receipts_user_id_idx on public.save_receipts (user_id);

-- ============================================================================
-- Grants: a receipt is written once and never changed.
-- ============================================================================
revoke all on public.save_receipts from anon, authenticated;
grant select, insert, delete on public.save_receipts to authenticated;

-- ============================================================================
-- Row-level security: each member sees and writes only their own receipts, in their workspaces.
-- ============================================================================
alter table public.save_receipts enable row level security;

create policy "Members read their own save receipts"
  on public.save_receipts for select to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())));

create policy "Members record their own save receipts"
  on public.save_receipts for insert to authenticated
  with check (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())));

create policy "Members prune their own save receipts"
  on public.save_receipts for delete to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())));
