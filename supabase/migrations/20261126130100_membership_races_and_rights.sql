-- Membership rules under concurrency, and rights that end with the role that gave them.
--  * Two owners leaving (or being demoted) at once could both pass the "another owner remains"
--    check and leave a workspace with none: the guard now locks the workspace row first, so such
--    changes to one workspace take turns and each sees the other's result.
--  * The guard trusted any request whose claims did not say `authenticated`. It now trusts only
--    the privileged path: a connection that has not switched to an API role.
--  * An invitation outlived its inviter's right to invite: demoting or removing a member now
--    revokes the pending invitations they could no longer make.

-- ============================================================================
-- Functions
-- ============================================================================

-- Whether this transaction is the privileged path (migrations, seed, erasure): it connected as its
-- own role and did not `set role` to one of the API roles, as every request does (withRls,
-- PostgREST). current_setting('role') keeps the caller's role inside a security definer function.
create function app.is_privileged_path()
returns boolean
language sql stable set search_path = ''
as $$
  select pg_catalog.current_setting('role') not in ('anon', 'authenticated')
$$;

create or replace function app.guard_membership_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  target public.memberships := coalesce(new, old);
  caller_is_owner boolean;
begin
  if app.is_privileged_path() then
    return target;
  end if;

  -- One change to a workspace's owners at a time: the second waits here for the first to commit,
  -- then counts the owners that are left (read committed: each statement sees committed rows).
  perform 1 from public.tenants t where t.id = target.tenant_id for update;

  caller_is_owner := exists (
    select 1 from public.memberships m
    where m.tenant_id = target.tenant_id and m.user_id = (select auth.uid()) and m.role = 'owner'
  );
  if (old.role = 'owner' or (tg_op = 'UPDATE' and new.role = 'owner')) and not caller_is_owner
     and not (tg_op = 'DELETE' and old.user_id = (select auth.uid())) then
    raise exception 'only_owner_manages_owners' using errcode = 'P0001';
  end if;

  if old.role = 'owner' and (tg_op = 'DELETE' or new.role <> 'owner') and not exists (
    select 1 from public.memberships m
    where m.tenant_id = old.tenant_id and m.role = 'owner' and m.id <> old.id
  ) then
    raise exception 'last_owner' using errcode = 'P0001';
  end if;
  return target;
end;
$$;

-- After a member is removed or their role changes: their pending invitations that the new role
-- could not make are revoked (owners invite anyone, admins anyone but owners, others nobody).
create function app.revoke_invitations_beyond_role()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  now_role public.membership_role := case when tg_op = 'DELETE' then null else new.role end;
begin
  if now_role = 'owner' then
    return null;
  end if;
  update public.invitations i set revoked_at = now()
  where i.tenant_id = old.tenant_id and i.invited_by = old.user_id
    and i.accepted_at is null and i.revoked_at is null
    and (now_role is distinct from 'admin' or i.role = 'owner');
  return null;
end;
$$;

revoke execute on function app.is_privileged_path() from public;
revoke execute on function app.revoke_invitations_beyond_role() from public;

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger memberships_revoke_invitations after update of role or delete on public.memberships
  for each row execute function app.revoke_invitations_beyond_role();
