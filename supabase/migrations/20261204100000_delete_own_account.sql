-- Deleting one's own account (docs/decisions/040-deleting-ones-own-account.md).
--
-- The signed-in person deletes their own row of auth.users, from the request's own transaction,
-- in both auth modes: locally, and on Supabase, where it is the same statement Supabase Auth's
-- admin API runs. The schema's foreign keys say what goes with it: sessions, memberships, grid
-- layouts and save receipts are deleted; the workspaces' records that name the account (a
-- volunteer's linked account, who sent or accepted an invitation, who decided an expense) keep
-- the record and forget the account. The audit trail keeps the change history, without a name.
--
-- A workspace's only owner is refused by app.refuse_deleting_last_owner (20261130110000), with
-- `last_owner_account`, whoever deletes.
--
-- Security definer: the API roles have no right on auth.users, and must not get one. The function
-- takes no argument, so it can only ever delete the caller.
--
-- A person may leave even when a workspace they belong to is read-only (closed, suspended, locked
-- by billing): its records that name the account forget it (`on delete set null`), which the
-- read-only guard would otherwise refuse as an update. The guard lets an update through when the
-- caller's own account is already gone in this transaction: only app.delete_own_account can make
-- it so, and what follows it in the transaction is the foreign keys' work. (A setting the function
-- sets would do as well, but the caller could set it too; and a foreign key's action does not run
-- deeper in pg_trigger_depth, as its statement triggers fire with the deleting statement's.)
-- Supabase Auth's admin API, deleting as its own role, is the privileged path and is not refused.

-- ---------------------------------------------------------------------------------------------
-- functions
-- ---------------------------------------------------------------------------------------------

create function app.delete_own_account()
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  if caller is null then
    raise exception 'not_signed_in' using errcode = 'P0001';
  end if;
  delete from auth.users where id = caller;
end;
$$;

-- As in 20261129130000, with the exception above.
create or replace function app.refuse_writes_when_read_only()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  locked boolean;
begin
  -- Jobs, the operator's console and seeding are not members of anything.
  if app.is_privileged_path() then
    return null;
  end if;
  if tg_op = 'DELETE' then
    select bool_or(app.tenant_read_only(r.tenant_id)) into locked from (select distinct tenant_id from old_rows) r;
  elsif tg_table_name = 'partnerships' then
    -- A partnership belongs to the region and to the partner: either being read-only refuses.
    select bool_or(app.tenant_read_only(r.tenant_id)) into locked from (
      select tenant_id from new_rows union select partner_tenant_id from new_rows
    ) r;
  else
    select bool_or(app.tenant_read_only(r.tenant_id)) into locked from (select distinct tenant_id from new_rows) r;
  end if;
  -- Asked only of a locked workspace, so that ordinary saves do not pay for it: a foreign key
  -- forgetting an account its owner is deleting (app.delete_own_account).
  if locked and tg_op = 'UPDATE' and (select auth.uid()) is not null
     and not exists (select 1 from auth.users u where u.id = (select auth.uid())) then
    locked := false;
  end if;
  if locked then
    raise exception 'workspace_read_only' using errcode = 'P0001';
  end if;
  return null;
end;
$$;

-- The caller's workspaces that would be left without an owner: those they alone own. Read under
-- the caller's own policies (security invoker): an owner sees their workspace's memberships.
create function app.my_sole_ownerships()
returns table (slug text, name text)
language sql stable security invoker set search_path = ''
as $$
  select t.slug::text, t.name::text
  from public.tenants t
  join public.memberships m on m.tenant_id = t.id and m.user_id = (select auth.uid()) and m.role = 'owner'
  where not exists (
    select 1 from public.memberships other
    where other.tenant_id = t.id and other.role = 'owner' and other.user_id <> (select auth.uid())
  )
  order by t.name, t.slug;
$$;

-- ---------------------------------------------------------------------------------------------
-- grants
-- ---------------------------------------------------------------------------------------------

revoke execute on function app.delete_own_account() from public;
grant execute on function app.delete_own_account() to authenticated;
revoke execute on function app.my_sole_ownerships() from public;
grant execute on function app.my_sole_ownerships() to authenticated;
