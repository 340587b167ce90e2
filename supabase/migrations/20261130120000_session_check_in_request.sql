-- The local auth provider's session check, inside the request's own transaction
-- (docs/decisions/033-many-processes-and-load.md).
--
-- Each request used to prove its session live in a transaction of its own, on the auth pool, before
-- its RLS transaction: a pool checkout and three round trips per request, a third of the load
-- benchmark's transactions. Now the request's first RLS transaction calls this function right after
-- `set local role` and the claims: an ended, expired or deleted user's session raises
-- `not_signed_in` and nothing else in the transaction runs. The semantics are the provider's:
-- signing out deletes the row, expiry is `not_after`, a deleted user has `deleted_at`.

-- ---------------------------------------------------------------------------------------------
-- functions
-- ---------------------------------------------------------------------------------------------

create or replace function app.require_live_session(session_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  seen timestamptz;
begin
  -- Only the caller's own session: the user is the one the claims name, not a parameter.
  select s.updated_at into seen
  from auth.sessions s
  join auth.users u on u.id = s.user_id
  where s.id = session_id
    and s.user_id = (select auth.uid())
    and s.not_after > now()
    and u.deleted_at is null;
  if not found then
    raise exception 'not_signed_in' using errcode = 'P0001';
  end if;
  -- "Last seen" for the account page's session list, written at most every five minutes.
  if seen < now() - interval '5 minutes' then
    update auth.sessions set updated_at = now() where id = session_id;
  end if;
end;
$$;

revoke all on function app.require_live_session(uuid) from public;
grant execute on function app.require_live_session(uuid) to authenticated;
