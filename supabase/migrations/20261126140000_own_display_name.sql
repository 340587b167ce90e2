-- A person renames themself: the name their colleagues see in every workspace they belong to.
-- Memberships copy the name at acceptance (members list each other without reading auth.users),
-- so the account page's new name is copied to them here. Members may not update their own
-- membership row directly: the same UPDATE could change their role.

-- ---- functions ------------------------------------------------------------------------------

create function app.set_my_display_name(new_name text)
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  changed integer;
begin
  if caller is null then
    raise exception 'not_signed_in' using errcode = 'P0001';
  end if;
  -- The memberships table's own check refuses an empty or over-long name.
  update public.memberships set display_name = btrim(new_name)
  where user_id = caller and display_name is distinct from btrim(new_name);
  get diagnostics changed = row_count;
  return changed;
end;
$$;

-- ---- grants ---------------------------------------------------------------------------------

revoke execute on function app.set_my_display_name(text) from public;
grant execute on function app.set_my_display_name(text) to authenticated;
