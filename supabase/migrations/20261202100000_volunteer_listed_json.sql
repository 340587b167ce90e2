-- Each volunteer row keeps its own JSON text, as the volunteers roster lists it.
--
-- Listing a workspace's volunteers is the most frequent read there is: every coordinator's grid
-- loads the whole roster, and loads it again after others' saves. Postgres' share of a 200-row
-- list was mostly converting 200 × 21 values to JSON (~1.3 ms of its CPU, every time, for rows
-- that had not changed). The row now writes that text once, when it is inserted or updated, and
-- the list reads it as it is (docs/decisions/037-listed-json.md): the load benchmark measured
-- ~0.6 ms less of Postgres' CPU per request and a p99 ~10 % lower.
--
-- The text is what `row_to_json` gives for the roster's full view (packages/api/src/rosters/
-- definitions/volunteers.ts and the repository's select list): id, version and every field under
-- its API name. A test compares the two for rows with every field set, so a field added to the
-- roster without being added here fails. Dates, enums, booleans, text and arrays are written as
-- JSON the same way whatever the session's settings, so the text does not depend on who wrote it.
--
-- Who reads it: exactly who reads the row (the table's policies). Nobody writes it: it has no
-- column grant, and the trigger overwrites whatever an insert or update brings. The audit log
-- leaves it out (it repeats the row, and changes with every version), see app.audit_skips().

-- ---------------------------------------------------------------------------------------------
-- columns
-- ---------------------------------------------------------------------------------------------

alter table public.volunteers add column listed_json text;

-- ---------------------------------------------------------------------------------------------
-- functions
-- ---------------------------------------------------------------------------------------------

-- The row as the roster lists it: the full view's names, in its order (one attribute per field).
create type app.volunteer_listed as (
  id uuid,
  version integer,
  "name" text,
  "email" text,
  "phone" text,
  "status" public.volunteer_status,
  "statusChangedOn" date,
  "startDate" date,
  "recruitedVia" text,
  "intakeOn" date,
  "confidentialitySignedOn" date,
  "recordCheckOn" date,
  "recordCheckOk" boolean,
  "meetsChildrenUnder15" boolean,
  "peerEducation" public.peer_education,
  "peerEducationCompletedOn" date,
  "peerEducationProvider" text,
  "shortCourses" text[],
  "note" text
);

-- Sorts after the other BEFORE triggers on volunteers (Postgres runs them in name order:
-- volunteers_bump_version, volunteers_date_peer_education, volunteers_listed_json), so the text
-- holds the version and the completion date those triggers set. One expression, no query: plpgsql
-- evaluates it without starting an executor, ~5 µs a row where a sub-select took ~20 (a 10,000-row
-- grid save pays it for every row).
create function app.keep_volunteer_listed_json()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.listed_json := pg_catalog.row_to_json(row(
    new.id, new.version, new.name, new.email, new.phone, new.status, new.status_changed_on, new.start_date,
    new.recruited_via, new.intake_on, new.confidentiality_signed_on, new.record_check_on, new.record_check_ok,
    new.meets_children_under_15, new.peer_education, new.peer_education_completed_on, new.peer_education_provider,
    new.short_courses, new.note
  )::app.volunteer_listed)::text;
  return new;
end;
$$;

revoke execute on function app.keep_volunteer_listed_json() from public;

-- The columns the audit log never records: the workspace (a column of the audit row itself),
-- the version, secrets, and texts derived from the row. An update's record leaves out the id and
-- updated_at too, which are not changes.
create function app.audit_skips()
returns text[]
language sql immutable set search_path = ''
as $$
  select array['tenant_id', 'version', 'token_hash', 'listed_json']
$$;

-- As in 20261123120000, without the skipped columns.
create or replace function app.audit_diff_expression(table_oid oid, old_alias text, new_alias text)
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
    and a.attname <> all (app.audit_skips() || array['id', 'updated_at']);
$$;

-- As in 20261201100000, with the skipped columns named once (app.audit_skips).
create or replace function app.audit_changes()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select n.tenant_id, tg_table_name, n.id, 'insert', (select auth.uid()),
           to_jsonb(n) - app.audit_skips()
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
        where a.key <> all (app.audit_skips() || array['id', 'updated_at'])
          and a.value is distinct from b.value
      ) d
      where d.changes <> '{}'::jsonb;
    else
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
    end if;
  else
    insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
    select o.tenant_id, tg_table_name, o.id, 'delete', (select auth.uid()),
           to_jsonb(o) - app.audit_skips()
    from old_rows o
    -- When a whole workspace is deleted its rows cascade here after the tenant row is gone:
    -- there is no one left to audit for, and its audit rows are deleted with it.
    where exists (select 1 from public.tenants t where t.id = o.tenant_id);
  end if;
  return null;
end;
$$;

revoke execute on function app.audit_skips() from public;

-- ---------------------------------------------------------------------------------------------
-- triggers
-- ---------------------------------------------------------------------------------------------

create trigger volunteers_listed_json before insert or update on public.volunteers
  for each row execute function app.keep_volunteer_listed_json();

-- The rows already there get their text from the same trigger, alone: no new version (a grid
-- that loaded them before the migration can still save) and nothing in the audit log.
alter table public.volunteers disable trigger user;
alter table public.volunteers enable trigger volunteers_listed_json;
update public.volunteers set listed_json = null;
alter table public.volunteers enable trigger user;

alter table public.volunteers alter column listed_json set not null;
