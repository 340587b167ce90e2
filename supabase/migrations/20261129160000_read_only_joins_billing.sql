-- One read-only state for a workspace, whatever made it so (decisions 028 and 029): closed by its
-- owner, suspended by an operator, or locked by billing (cancelled, or past due beyond the grace
-- period, unless a region covers it). The tables added alongside the lifecycle migration get the
-- same statement-level guard, and their writing actions count as writes.

-- ============================================================================
-- Actions that write, added by the programme and offer migrations
-- ============================================================================
update app.action_grants set writes = true where action in ('programmes.manage', 'offer.edit');

-- ============================================================================
-- Functions
-- ============================================================================
-- Reads the billing row directly (not app.billing_locks_writes, which answers only for the
-- caller's own workspaces): a partnership's guard asks about the other side too.
create or replace function app.tenant_read_only(tenant uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select t.closed_at is not null or t.suspended_at is not null
    from public.tenants t where t.id = tenant
  ), false)
  or coalesce((
    select app.billing_row_locks_writes(b) from public.workspace_billing b where b.tenant_id = tenant
  ), false);
$$;

-- ============================================================================
-- Triggers: the read-only guard on the newer tables members write
-- ============================================================================
do $$
declare
  t text;
begin
  foreach t in array array[
    'programmes', 'programme_partners', 'programme_goals', 'programme_reports', 'offer_descriptions'
  ] loop
    execute format('create trigger %1$s_read_only_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.refuse_writes_when_read_only()', t);
    execute format('create trigger %1$s_read_only_update after update on public.%1$s referencing new table as new_rows for each statement execute function app.refuse_writes_when_read_only()', t);
    execute format('create trigger %1$s_read_only_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.refuse_writes_when_read_only()', t);
  end loop;
end;
$$;
