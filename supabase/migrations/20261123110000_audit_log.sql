-- The audit trail: who changed which row of a workspace, when, and what changed. Written only by
-- the statement-level triggers below (one insert per statement, so a 10,000-row grid save costs
-- one extra statement, not 10,000). Under RLS like everything else.

-- ============================================================================
-- Tables
-- ============================================================================
create table public.audit_log (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id bigint generated always as identity,
  table_name text not null,
  row_id uuid not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  changed_by uuid,
  changed_at timestamptz not null default now(),
  -- insert: the new values; delete: the old values; update: {field: {from, to}} for changed fields.
  changes jsonb not null,
  primary key (tenant_id, id)
);
comment on table public.audit_log is 'Who changed which row, when, and what changed.';

-- ============================================================================
-- Indexes
-- ============================================================================
create index audit_log_tenant_id_table_row_idx on public.audit_log (tenant_id, table_name, row_id, changed_at desc);

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.audit_log enable row level security;

create policy "Owners, admins and coordinators can read their workspace's audit trail"
  on public.audit_log for select to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin', 'coordinator'))));

-- ============================================================================
-- Functions
-- ============================================================================
create function app.jsonb_changes(old_row jsonb, new_row jsonb)
returns jsonb
language sql immutable set search_path = ''
as $$
  -- One pass over the new row, looking each key up in the old one (measured ~2x faster than
  -- joining two jsonb_each sets on a 10,000-row save).
  select coalesce(jsonb_object_agg(n.key, jsonb_build_object('from', old_row -> n.key, 'to', n.value)), '{}'::jsonb)
  from jsonb_each(new_row) n
  where n.value is distinct from old_row -> n.key and n.key not in ('version', 'updated_at');
$$;

-- Attach with: after insert/update/delete ... referencing ... for each statement.
create function app.audit_changes()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select n.tenant_id, tg_table_name, n.id, 'insert', (select auth.uid()), to_jsonb(n) - 'tenant_id' - 'version'
    from new_rows n;
  elsif tg_op = 'UPDATE' then
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select d.tenant_id, tg_table_name, d.id, 'update', (select auth.uid()), d.changes
    from (
      select n.tenant_id, n.id, app.jsonb_changes(to_jsonb(o), to_jsonb(n)) as changes
      from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
    ) d
    where d.changes <> '{}'::jsonb;
  else
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select o.tenant_id, tg_table_name, o.id, 'delete', (select auth.uid()), to_jsonb(o) - 'tenant_id' - 'version'
    from old_rows o
    -- When a whole workspace is deleted its rows cascade here after the tenant row is gone:
    -- there is no one left to audit for, and its audit rows are deleted with it.
    where exists (select 1 from public.tenants t where t.id = o.tenant_id);
  end if;
  return null;
end;
$$;

revoke execute on function app.jsonb_changes(jsonb, jsonb) from public;
revoke execute on function app.audit_changes() from public;
