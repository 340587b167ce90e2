-- Supabase Auth's soft delete keeps a workspace's owner too.
--
-- Supabase Auth's admin API can delete a user softly (`should_soft_delete`): it keeps the
-- auth.users row, scrambles the address, and sets `deleted_at`. The account can no longer sign in,
-- but nothing cascades, so its memberships stay, and a workspace whose only owner it was would be
-- left with an owner nobody can be. 20261130110000 refused only the real delete. The same check now
-- refuses the soft one; the check itself moves into one function both triggers call, unchanged.

-- ---------------------------------------------------------------------------------------------
-- functions
-- ---------------------------------------------------------------------------------------------

-- Raises `last_owner_account` when `leaving` is the only owner of any workspace (as
-- app.refuse_deleting_last_owner did in 20261130110000, with the same lock, detail and hint).
create function app.refuse_if_last_owner(leaving uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  sole_owner_of text;
begin
  -- The same lock the membership guard takes: an owner leaving and another owner's account being
  -- deleted at once take turns, and each counts the owners the other left.
  perform 1 from public.tenants t
  where t.id in (select m.tenant_id from public.memberships m where m.user_id = leaving and m.role = 'owner')
  order by t.id
  for update;

  select t.slug into sole_owner_of
  from public.memberships m join public.tenants t on t.id = m.tenant_id
  where m.user_id = leaving and m.role = 'owner'
    and not exists (
      select 1 from public.memberships other
      where other.tenant_id = m.tenant_id and other.role = 'owner' and other.user_id <> leaving
    )
  order by t.slug
  limit 1;

  if sole_owner_of is not null then
    raise exception 'last_owner_account' using errcode = 'P0001',
      detail = pg_catalog.format(
        'User %s is the last owner of workspace "%s"; deleting the account would leave it without one.',
        leaving, sole_owner_of),
      hint = 'Make another member owner first (app.hand_over_workspace, or the members page), then delete the account.';
  end if;
end;
$$;

create or replace function app.refuse_deleting_last_owner()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.refuse_if_last_owner(old.id);
  return old;
end;
$$;

-- The soft delete is an update: it goes on as asked (`new`) once the check has passed.
create function app.refuse_soft_deleting_last_owner()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.refuse_if_last_owner(old.id);
  return new;
end;
$$;

revoke execute on function app.refuse_if_last_owner(uuid) from public;
revoke execute on function app.refuse_soft_deleting_last_owner() from public;

-- ---------------------------------------------------------------------------------------------
-- triggers
-- ---------------------------------------------------------------------------------------------

create trigger users_keep_workspace_owners_when_soft_deleted before update of deleted_at on auth.users
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function app.refuse_soft_deleting_last_owner();
