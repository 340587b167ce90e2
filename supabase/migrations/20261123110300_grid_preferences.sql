-- Per-user grid layout (column order, widths, sort, filters), one row per user, workspace and grid.

create table public.grid_preferences (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  grid text not null check (grid ~ '^[a-z][a-z0-9_-]{0,40}$'),
  state jsonb not null check (pg_column_size(state) <= 65536),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, user_id, grid)
);

create index grid_preferences_user_id_idx on public.grid_preferences (user_id, tenant_id);

revoke all on public.grid_preferences from anon, authenticated;
grant select, insert, update, delete on public.grid_preferences to authenticated;

alter table public.grid_preferences enable row level security;

create policy "Members read their own grid preferences"
  on public.grid_preferences for select to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())));

create policy "Members save their own grid preferences"
  on public.grid_preferences for insert to authenticated
  with check (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())));

create policy "Members change their own grid preferences"
  on public.grid_preferences for update to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())))
  with check (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())));

create policy "Members delete their own grid preferences"
  on public.grid_preferences for delete to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app.my_tenants())));
