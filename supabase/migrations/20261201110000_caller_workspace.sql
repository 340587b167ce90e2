-- The workspace a request acts in, read by a function whose plan Postgres keeps.
--
-- Every workspace request begins by reading its workspace by slug, with the caller's role in it
-- and whether it is read-only (packages/api/src/trpc.ts). As a statement of its own it is parsed
-- and planned every time, and planning the join with both tables' policies was more than half of
-- its cost: ~0.6 ms of Postgres' CPU per request in the load benchmark, against ~0.3 ms through
-- this function, because plpgsql plans its statement once per connection and reuses it
-- (docs/decisions/036-request-cpu.md). The statement is the same; it runs as the caller
-- (security invoker), so the policies on tenants and memberships decide what it finds exactly as
-- before: a slug the caller is not a member of finds nothing, like one that does not exist.

-- ---------------------------------------------------------------------------------------------
-- functions
-- ---------------------------------------------------------------------------------------------

create function app.caller_workspace(workspace_slug text)
returns table (
  id uuid,
  slug text,
  name text,
  kind text,
  role text,
  "runsActivities" boolean,
  "readOnly" boolean,
  "closedAt" timestamptz,
  "deleteAfter" timestamptz,
  "suspendedAt" timestamptz,
  "suspendedReason" text
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return query
  select t.id, t.slug, t.name, t.kind::text, m.role::text, t.runs_activities,
         app.tenant_read_only(t.id),
         t.closed_at, t.delete_after, t.suspended_at, t.suspended_reason
  from public.tenants t
  join public.memberships m on m.tenant_id = t.id and m.user_id = (select auth.uid())
  where t.slug = workspace_slug;
end;
$$;

revoke all on function app.caller_workspace(text) from public;
grant execute on function app.caller_workspace(text) to authenticated;
