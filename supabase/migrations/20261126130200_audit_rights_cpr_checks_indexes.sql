-- Closing review findings (issue 11):
--  * who changed who may do what is audited: memberships (role changes, removals), invitations
--    and partnerships join the audit trail; an invitation's token hash is never copied into it;
--  * every free-text column of volunteers and participants refuses a CPR number, column by
--    column, in a constraint named <table>_<column>_no_cpr (the API maps those to
--    errors:cpr_not_allowed). The pattern mirrors looksLikeCpr in packages/api/src/rosters/fields.ts;
--  * invitations.accepted_by and invited_by get the indexes their foreign keys need (deleting a
--    user must not scan every invitation; revoking a demoted inviter's invitations looks them up).

-- ============================================================================
-- Indexes
-- ============================================================================
create index invitations_accepted_by_idx on public.invitations (accepted_by);
create index invitations_invited_by_idx on public.invitations (invited_by);

-- ============================================================================
-- Constraints: no CPR numbers in free text
-- ============================================================================
-- Replaced by one check per column: the old one ran over the columns joined with spaces, so two
-- harmless neighbours ("Ali 010190", "1234 (mor)") could together look like a CPR number.
alter table public.participants drop constraint if exists participants_check;

alter table public.volunteers
  add constraint volunteers_name_no_cpr check (name !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  add constraint volunteers_phone_no_cpr check (phone !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  add constraint volunteers_peer_education_provider_no_cpr
    check (peer_education_provider !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  add constraint volunteers_note_no_cpr check (note !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)');

alter table public.participants
  add constraint participants_first_name_no_cpr check (first_name !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  add constraint participants_contact_no_cpr check (contact !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)'),
  add constraint participants_note_no_cpr check (note !~ '(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)');

-- ============================================================================
-- Functions
-- ============================================================================
-- As before (20261123120000), plus: columns named token_hash are never copied into the trail.
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

-- ============================================================================
-- Triggers
-- ============================================================================
do $$
declare
  t text;
begin
  foreach t in array array['memberships', 'invitations', 'partnerships'] loop
    execute format('create trigger %1$s_audit_insert after insert on public.%1$s referencing new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_update after update on public.%1$s referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes()', t);
    execute format('create trigger %1$s_audit_delete after delete on public.%1$s referencing old table as old_rows for each statement execute function app.audit_changes()', t);
  end loop;
end
$$;
