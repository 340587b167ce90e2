-- Invitations: an owner or admin invites an e-mail address with a role. The link carries a random
-- token; only its SHA-256 is stored. A link works once, until it expires or is revoked, and only for
-- the signed-in user whose e-mail it was sent to.

-- ============================================================================
-- Tables
-- ============================================================================
create table public.invitations (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  email text not null check (email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  role public.membership_role not null,
  token_hash bytea not null unique,
  invited_by uuid default auth.uid() references auth.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
comment on table public.invitations is 'Pending and past invitations to join a workspace.';

-- ============================================================================
-- Indexes
-- ============================================================================
create index invitations_tenant_id_email_idx on public.invitations (tenant_id, email);

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.invitations from anon, authenticated;
grant select (tenant_id, id, email, role, invited_by, expires_at, accepted_at, accepted_by, revoked_at, created_at)
  on public.invitations to authenticated;
grant insert (tenant_id, email, role, token_hash, expires_at) on public.invitations to authenticated;
grant update (revoked_at) on public.invitations to authenticated;
grant delete on public.invitations to authenticated;

-- ============================================================================
-- Row-level security
-- ============================================================================
alter table public.invitations enable row level security;

create policy "Owners and admins can see their workspace's invitations"
  on public.invitations for select to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))));

create policy "Owners and admins can invite, and only owners can invite owners"
  on public.invitations for insert to authenticated
  with check (
    tenant_id = any (array(select app.tenants_with_role('owner', 'admin')))
    and (role <> 'owner' or tenant_id = any (array(select app.tenants_with_role('owner'))))
    and expires_at <= now() + interval '30 days'
  );

-- Revoking is one-way: a revoked link never works again.
create policy "Owners and admins can revoke invitations"
  on public.invitations for update to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))))
  with check (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))) and revoked_at is not null);

create policy "Owners and admins can delete invitations"
  on public.invitations for delete to authenticated
  using (tenant_id = any (array(select app.tenants_with_role('owner', 'admin'))));

-- ============================================================================
-- Functions
-- ============================================================================

-- What the invitation page shows before anyone signs in. The token is the secret: whoever holds
-- the link may see which workspace it is for, nothing more.
create function app.invitation_preview(token text)
returns table (tenant_name text, tenant_slug text, email text, role public.membership_role, state text)
language sql stable security definer set search_path = ''
as $$
  select t.name, t.slug, i.email, i.role,
         case
           when i.accepted_at is not null then 'used'
           when i.revoked_at is not null then 'revoked'
           when i.expires_at <= now() then 'expired'
           else 'valid'
         end
  from public.invitations i
  join public.tenants t on t.id = i.tenant_id
  where i.token_hash = pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8'));
$$;

-- Turns a valid invitation into a membership for the signed-in user, once.
create function app.accept_invitation(token text, display_name text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.invitations;
  caller uuid := (select auth.uid());
  caller_email text := lower((select auth.jwt()) ->> 'email');
  slug text;
begin
  if caller is null then
    raise exception 'not_signed_in' using errcode = 'P0001';
  end if;

  select * into inv from public.invitations
  where token_hash = pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8'))
  for update;

  if not found or inv.revoked_at is not null then
    raise exception 'invitation_not_found' using errcode = 'P0001';
  elsif inv.accepted_at is not null then
    raise exception 'invitation_used' using errcode = 'P0001';
  elsif inv.expires_at <= now() then
    raise exception 'invitation_expired' using errcode = 'P0001';
  elsif inv.email is distinct from caller_email then
    raise exception 'invitation_email_mismatch' using errcode = 'P0001';
  end if;

  insert into public.memberships (tenant_id, user_id, role, display_name, email)
  values (inv.tenant_id, caller, inv.role,
          coalesce(
            nullif(btrim(display_name), ''),
            (select nullif(btrim(u.raw_user_meta_data ->> 'name'), '') from auth.users u where u.id = caller),
            split_part(caller_email, '@', 1)
          ),
          caller_email)
  on conflict (tenant_id, user_id) do nothing;

  update public.invitations set accepted_at = now(), accepted_by = caller
  where tenant_id = inv.tenant_id and id = inv.id;

  select t.slug into slug from public.tenants t where t.id = inv.tenant_id;
  return slug;
end;
$$;

revoke execute on function app.invitation_preview(text) from public;
revoke execute on function app.accept_invitation(text, text) from public;
grant execute on function app.invitation_preview(text) to anon, authenticated;
grant execute on function app.accept_invitation(text, text) to authenticated;
