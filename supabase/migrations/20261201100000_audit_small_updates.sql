-- A cheaper "what changed" for the updates a coordinator makes one row at a time.
--
-- The update branch of app.audit_changes (20261126130200) builds its comparison as dynamic SQL:
-- read the table's columns from the catalog, format one expression per column, then parse and
-- plan the statement. That is the right trade for a 10,000-row grid save (planned once, ~0.25 s),
-- but EXECUTE is never cached, so a one-row save pays the whole ~1.3 ms of catalog reading and
-- planning for one row: measured as the largest part of Postgres' time in the load benchmark's
-- save (docs/decisions/035-fewer-round-trips.md).
--
-- Small updates (at most 8 rows) now compare the two row versions as jsonb, in a static
-- statement that plpgsql plans once per connection. Both branches give the same audit row:
-- {column: {from, to}} for each changed column except tenant_id, id, version, updated_at and
-- token_hash; jsonb objects keep their keys in one canonical order whatever order they were built
-- in, and jsonb's equality agrees with the columns' own for every audited column type (text,
-- enums, dates, times, booleans, numbers, arrays, uuids; a test compares the branches).

create or replace function app.audit_changes()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select n.tenant_id, tg_table_name, n.id, 'insert', (select auth.uid()),
           to_jsonb(n) - 'tenant_id' - 'version' - 'token_hash'
    from new_rows n;
  elsif tg_op = 'UPDATE' then
    -- Nested, not `and`: a condition naming new_rows is planned even when tg_op is DELETE,
    -- where there is no new_rows.
    if (select count(*) from (select 1 from new_rows limit 9) few) <= 8 then
      insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
      select n.tenant_id, tg_table_name, n.id, 'update', (select auth.uid()), d.changes
      from new_rows n
      join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
      cross join lateral (
        select coalesce(pg_catalog.jsonb_object_agg(a.key, pg_catalog.jsonb_build_object('from', b.value, 'to', a.value)),
                        '{}'::jsonb) as changes
        from pg_catalog.jsonb_each(to_jsonb(n)) a
        join pg_catalog.jsonb_each(to_jsonb(o)) b on b.key = a.key
        where a.key not in ('tenant_id', 'id', 'version', 'updated_at', 'token_hash')
          and a.value is distinct from b.value
      ) d
      where d.changes <> '{}'::jsonb;
    else
      -- Dynamic, because the compared columns are the table's; planned once per statement, not
      -- per row. The transition tables are visible to EXECUTE like to any query of the trigger.
      execute pg_catalog.format(
        $sql$
          insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
          select d.tenant_id, %1$L, d.id, 'update', (select auth.uid()), d.changes - 'token_hash'
          from (
            select n.tenant_id, n.id, %2$s as changes
            from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
          ) d
          where d.changes - 'token_hash' <> '{}'::jsonb
        $sql$,
        tg_table_name, app.audit_diff_expression(tg_relid, 'o', 'n'));
    end if;
  else
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select o.tenant_id, tg_table_name, o.id, 'delete', (select auth.uid()),
           to_jsonb(o) - 'tenant_id' - 'version' - 'token_hash'
    from old_rows o
    -- When a whole workspace is deleted its rows cascade here after the tenant row is gone:
    -- there is no one left to audit for, and its audit rows are deleted with it.
    where exists (select 1 from public.tenants t where t.id = o.tenant_id);
  end if;
  return null;
end;
$$;

revoke execute on function app.audit_changes() from public;
