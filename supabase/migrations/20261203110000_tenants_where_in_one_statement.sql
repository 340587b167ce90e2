-- The policies' lists of workspaces, each read in one statement.
--
-- Almost every policy asks app.tenants_where(action) which workspaces the caller may do `action`
-- in. Postgres evaluates it once per policy and statement:
-- a one-row grid save evaluates it four times (the update's and the select's policies, as USING
-- and as WITH CHECK), a roster list once. Each call went through two or three more functions
-- (app.action_roles or app.action_own_roles, app.action_writes, and app.tenant_read_only for an
-- action that writes), and a function with its own search_path is a call of its own that Postgres
-- cannot fold into the statement: ~45 µs a call. Reading the grant in the statement itself takes
-- ~20-35 µs (docs/decisions/038-listed-in-index-order.md).
--
-- The rule is unchanged (20261129130000): a member whose role the action grants, in a workspace
-- that is not read-only when the action writes. An unknown action still fails loudly, now also for
-- a caller who is a member of no workspace at all. (app.tenants_where_own, for the policies on a
-- peer's own rows, is left as it was: no roster list or save of a coordinator asks it.)

-- ---------------------------------------------------------------------------------------------
-- functions
-- ---------------------------------------------------------------------------------------------

-- Raises; called in place of a workspace id when a policy names an action that does not exist.
-- Volatile, so that Postgres never evaluates it ahead of the condition that calls it.
create function app.unknown_action(action text)
returns uuid
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise exception 'unknown action: %', action using errcode = '22023';
end;
$$;

revoke all on function app.unknown_action(text) from public;

create or replace function app.tenants_where(action text)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.tenant_id
  from app.action_grants g
  join public.memberships m on m.user_id = (select auth.uid()) and m.role = any (g.roles)
  where g.action = tenants_where.action
    and not (g.writes and app.tenant_read_only(m.tenant_id))
  union all
  select app.unknown_action(tenants_where.action)
  where not exists (select from app.action_grants g where g.action = tenants_where.action);
$$;
