-- The volunteers roster's list, read in its order from the index that keeps it.
--
-- Every coordinator's grid loads the whole roster, sorted by name in Danish (ICU) and then id
-- (packages/api/src/rosters/definitions/volunteers.ts, `orderBy`). The index
-- volunteers_tenant_id_name_order_idx (20261128100500) holds each workspace's rows in exactly
-- that order, but for a whole roster the planner reads the rows in the table's order and sorts
-- them: it costs an ICU comparison like any other, so it expects the sort to be cheap. It is
-- not: sorting 200 names was ~0.3 ms of Postgres' CPU per list, a third of the list's cost
-- (docs/decisions/038-listed-in-index-order.md).
--
-- This function lists the rows' kept JSON texts (20261202100000) with sorting switched off for
-- its own statement only, so the planner takes the index; and, being a function, its plan is kept
-- per connection instead of being made again for every list (decision 036). It runs as the
-- caller (security invoker): the table's policies decide which rows it finds, exactly as a select
-- of the table does. `first` limits the list to the first rows (a page's first screenful); null
-- lists them all. A test holds its rows and their order equal to the roster's select list.

-- ---------------------------------------------------------------------------------------------
-- functions
-- ---------------------------------------------------------------------------------------------

create function app.volunteers_listed(workspace uuid, first integer)
returns setof text
language sql
stable
security invoker
set search_path = ''
set enable_sort = off
as $$
  select t.listed_json
  from public.volunteers t
  where t.tenant_id = workspace
  order by t.name collate "da-DK-x-icu", t.id
  limit first;
$$;

revoke all on function app.volunteers_listed(uuid, integer) from public;
grant execute on function app.volunteers_listed(uuid, integer) to authenticated;
