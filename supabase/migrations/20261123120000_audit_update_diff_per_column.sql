-- A cheaper "what changed" for updates. The first version turned both row versions into jsonb
-- and walked every key of the new one (app.jsonb_changes): on a 10,000-row grid save that took
-- ~2.0 s of a ~2.9 s statement. Here the update branch compares the table's own columns, read
-- from the catalog once per statement, and builds jsonb only for the columns that changed:
-- measured ~0.25 s for the same save. The shape of audit_log.changes is unchanged:
-- {column: {from, to}} for every changed column except version and updated_at.

-- ============================================================================
-- Functions
-- ============================================================================

-- One SQL expression per audited table: for each column, {column: {from, to}} when it changed
-- and '{}' when not, concatenated. Concatenating small objects measured faster than one wide
-- jsonb_build_object with the unchanged keys removed afterwards. The columns compared are the
-- table's current ones, so a later migration that adds a column is audited without touching
-- this function. (A column of type json, which has no equality operator, would need a cast
-- here; no audited table has one.)
create function app.audit_diff_expression(table_oid oid, old_alias text, new_alias text)
returns text
language sql stable set search_path = ''
as $$
  select coalesce(
    string_agg(
      pg_catalog.format(
        'coalesce(case when %2$s.%1$I is distinct from %3$s.%1$I then pg_catalog.jsonb_build_object(%1$L, '
          'pg_catalog.jsonb_build_object(''from'', %2$s.%1$I, ''to'', %3$s.%1$I)) end, ''{}''::jsonb)',
        a.attname, old_alias, new_alias),
      ' || ' order by a.attnum),
    '''{}''::jsonb')
  from pg_catalog.pg_attribute a
  where a.attrelid = table_oid
    and a.attnum > 0
    and not a.attisdropped
    and a.attname not in ('tenant_id', 'id', 'version', 'updated_at');
$$;

create or replace function app.audit_changes()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select n.tenant_id, tg_table_name, n.id, 'insert', (select auth.uid()), to_jsonb(n) - 'tenant_id' - 'version'
    from new_rows n;
  elsif tg_op = 'UPDATE' then
    -- Dynamic, because the compared columns are the table's; planned once per statement, not
    -- per row. The transition tables are visible to EXECUTE like to any query of the trigger.
    execute pg_catalog.format(
      $sql$
        insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
        select d.tenant_id, %1$L, d.id, 'update', (select auth.uid()), d.changes
        from (
          select n.tenant_id, n.id, %2$s as changes
          from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        ) d
        where d.changes <> '{}'::jsonb
      $sql$,
      tg_table_name, app.audit_diff_expression(tg_relid, 'o', 'n'));
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

drop function app.jsonb_changes(jsonb, jsonb);

revoke execute on function app.audit_diff_expression(oid, text, text) from public;
revoke execute on function app.audit_changes() from public;
