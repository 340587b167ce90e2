-- The regional catalogue of peer-support offers (issue 9; decision 027).
--
-- Each workspace keeps one description of its offer, in the sections of the hand-kept catalogue
-- "Peer-støtte i Danmark", in Danish and English. Its members read it; owners, admins and
-- coordinators edit and publish it. A region reads its partners' published descriptions only
-- through aggregates.offer_catalogue, which checks an active partnership and returns the scope
-- figures as aggregates with counts from 1 to 4 suppressed. No policy here lets a region read a
-- row of public.offer_descriptions.

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
insert into app.action_grants (action, roles, own_roles) values
  ('offer.read', '{owner,admin,coordinator,peer,viewer}', '{}'),
  ('offer.edit', '{owner,admin,coordinator}', '{}');

-- ============================================================================
-- Schema for the functions that carry aggregates across workspaces (not exposed by the API)
-- ============================================================================
create schema if not exists aggregates;
revoke all on schema aggregates from public;
grant usage on schema aggregates to authenticated;

-- ============================================================================
-- Tables
-- ============================================================================
create table public.offer_descriptions (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  -- Where the offer is, for the catalogue's grouping. A municipality's own name wins over this
  -- (see app.offer_municipality), so it matters for associations.
  municipality text check (length(btrim(municipality)) between 1 and 100),
  -- "How long has it existed" is computed from this, so it never goes stale.
  started_year smallint check (started_year between 1900 and 2100),
  purpose_da text check (length(purpose_da) <= 4000),
  purpose_en text check (length(purpose_en) <= 4000),
  peer_support_da text check (length(peer_support_da) <= 4000),
  peer_support_en text check (length(peer_support_en) <= 4000),
  scope_note_da text check (length(scope_note_da) <= 1000),
  scope_note_en text check (length(scope_note_en) <= 1000),
  model_da text check (length(model_da) <= 4000),
  model_en text check (length(model_en) <= 4000),
  supervision_da text check (length(supervision_da) <= 4000),
  supervision_en text check (length(supervision_en) <= 4000),
  access_da text check (length(access_da) <= 4000),
  access_en text check (length(access_en) <= 4000),
  funding_da text check (length(funding_da) <= 4000),
  funding_en text check (length(funding_en) <= 4000),
  -- For the public: the catalogue goes outside the workspace, so no member's own address by default.
  contact_name text check (length(contact_name) <= 200),
  contact_email text check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(contact_email) <= 200),
  contact_phone text check (length(contact_phone) <= 40),
  website text check (website ~ '^https?://' and length(website) <= 300),
  -- Null is a draft; a published description is shown to the workspace's regions as it is now.
  published_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id)
);
comment on table public.offer_descriptions is 'A workspace''s description of its peer-support offer, in Danish and English.';

-- ============================================================================
-- Grants
-- ============================================================================
revoke all on public.offer_descriptions from anon, authenticated;
grant select on public.offer_descriptions to authenticated;
grant insert (tenant_id, name, municipality, started_year,
  purpose_da, purpose_en, peer_support_da, peer_support_en, scope_note_da, scope_note_en,
  model_da, model_en, supervision_da, supervision_en, access_da, access_en, funding_da, funding_en,
  contact_name, contact_email, contact_phone, website, published_at)
  on public.offer_descriptions to authenticated;
grant update (name, municipality, started_year,
  purpose_da, purpose_en, peer_support_da, peer_support_en, scope_note_da, scope_note_en,
  model_da, model_en, supervision_da, supervision_en, access_da, access_en, funding_da, funding_en,
  contact_name, contact_email, contact_phone, website, published_at)
  on public.offer_descriptions to authenticated;

-- ============================================================================
-- Row-level security (the unique tenant_id index serves every policy)
-- ============================================================================
alter table public.offer_descriptions enable row level security;

create policy "Members read their workspace's offer description"
  on public.offer_descriptions for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('offer.read'))));

create policy "Owners, admins and coordinators write their workspace's offer description"
  on public.offer_descriptions for insert to authenticated
  with check (tenant_id = any (array(select app.tenants_where('offer.edit'))));

create policy "Owners, admins and coordinators edit and publish their workspace's offer description"
  on public.offer_descriptions for update to authenticated
  using (tenant_id = any (array(select app.tenants_where('offer.edit'))))
  with check (tenant_id = any (array(select app.tenants_where('offer.edit'))));

-- ============================================================================
-- Functions
-- ============================================================================

-- A count from 1 to 4 could point at a person once it leaves the workspace: null means "<5".
create function aggregates.suppress_small(n bigint)
returns integer
language sql immutable set search_path = ''
as $$
  select case when n between 1 and 4 then null else n::integer end;
$$;

-- The raw scope figures of one workspace over the twelve months up to today. Internal: only the
-- security-definer functions below call it, and they suppress the small counts.
--   volunteers: those active now; participants: those who attended a held session or met in a
--   match in the period, or are in an active match now; sessions and match meetings per month.
create function app.offer_scope_figures(workspace uuid)
returns table (volunteers bigint, participants bigint, sessions_per_month numeric, meetings_per_month numeric)
language sql stable security definer set search_path = ''
as $$
  with period as (select (current_date - interval '12 months')::date as from_on, current_date as to_on),
  reached as (
    select a.participant_id
    from public.attendance a
    join public.course_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
    cross join period
    where a.tenant_id = workspace and a.status = 'present' and s.held_on > period.from_on and s.held_on <= period.to_on
    union
    select m.participant_id
    from public.matches m
    cross join period
    where m.tenant_id = workspace
      and (m.status = 'active' or exists (
        select 1 from public.match_meetings mm
        where mm.tenant_id = m.tenant_id and mm.match_id = m.id and mm.met_on > period.from_on and mm.met_on <= period.to_on))
  )
  select
    (select count(*) from public.volunteers v where v.tenant_id = workspace and v.status = 'active'),
    (select count(*) from reached),
    (select round(count(*) / 12.0, 1) from public.course_sessions s cross join period
      where s.tenant_id = workspace and s.status = 'held' and s.held_on > period.from_on and s.held_on <= period.to_on),
    (select round(count(*) / 12.0, 1) from public.match_meetings mm cross join period
      where mm.tenant_id = workspace and mm.met_on > period.from_on and mm.met_on <= period.to_on);
$$;

-- A municipality's offer is in that municipality; anyone else's where its description says.
create function app.offer_municipality(workspace uuid, described text)
returns text
language sql stable security definer set search_path = ''
as $$
  select case when t.kind = 'municipality' then t.name else described end
  from public.tenants t where t.id = workspace;
$$;

-- The scope figures as the description shows them, for the workspace's own members: suppressed
-- like the catalogue's, because the description is written to go outside the workspace.
create function aggregates.offer_scope(workspace uuid)
returns table (volunteers integer, participants integer, sessions_per_month numeric, meetings_per_month numeric)
language sql stable security definer set search_path = ''
as $$
  select aggregates.suppress_small(f.volunteers), aggregates.suppress_small(f.participants),
         f.sessions_per_month, f.meetings_per_month
  from app.offer_scope_figures(workspace) f
  where workspace = any (array(select app.tenants_where('offer.read')));
$$;

-- A region's catalogue: the published descriptions of the partners it is in an active
-- partnership with, with their scope figures (1..4 suppressed). Nothing for anyone who is not a
-- member of the region, and nothing once the partnership ends or the description is withdrawn.
create function aggregates.offer_catalogue(region uuid)
returns table (
  region_name text, partner_id uuid, partner_kind public.tenant_kind, municipality text,
  name text, started_year smallint, sections jsonb,
  contact_name text, contact_email text, contact_phone text, website text, published_at timestamptz,
  volunteers integer, participants integer, sessions_per_month numeric, meetings_per_month numeric
)
language sql stable security definer set search_path = ''
as $$
  select r.name, o.tenant_id, t.kind, app.offer_municipality(o.tenant_id, o.municipality),
         o.name, o.started_year,
         jsonb_build_object(
           'purpose', jsonb_build_object('da', o.purpose_da, 'en', o.purpose_en),
           'peerSupport', jsonb_build_object('da', o.peer_support_da, 'en', o.peer_support_en),
           'scopeNote', jsonb_build_object('da', o.scope_note_da, 'en', o.scope_note_en),
           'model', jsonb_build_object('da', o.model_da, 'en', o.model_en),
           'supervision', jsonb_build_object('da', o.supervision_da, 'en', o.supervision_en),
           'access', jsonb_build_object('da', o.access_da, 'en', o.access_en),
           'funding', jsonb_build_object('da', o.funding_da, 'en', o.funding_en)),
         o.contact_name, o.contact_email, o.contact_phone, o.website, o.published_at,
         aggregates.suppress_small(f.volunteers), aggregates.suppress_small(f.participants),
         f.sessions_per_month, f.meetings_per_month
  from public.tenants r
  join public.partnerships p on p.tenant_id = r.id and p.status = 'active'
  join public.offer_descriptions o on o.tenant_id = p.partner_tenant_id and o.published_at is not null
  join public.tenants t on t.id = o.tenant_id
  cross join lateral app.offer_scope_figures(o.tenant_id) f
  where r.id = region and r.kind = 'region'
    and region = any (array(select app.tenants_where('offer.read')));
$$;

revoke execute on function aggregates.suppress_small(bigint) from public;
revoke execute on function app.offer_scope_figures(uuid) from public;
revoke execute on function app.offer_municipality(uuid, text) from public;
revoke execute on function aggregates.offer_scope(uuid) from public;
revoke execute on function aggregates.offer_catalogue(uuid) from public;
grant execute on function aggregates.offer_scope(uuid) to authenticated;
grant execute on function aggregates.offer_catalogue(uuid) to authenticated;

-- ============================================================================
-- Triggers
-- ============================================================================
create trigger offer_descriptions_bump_version before update on public.offer_descriptions
  for each row execute function app.bump_version();
-- Who changed the text, and who published it when: the same audit trail as every roster.
create trigger offer_descriptions_audit_insert after insert on public.offer_descriptions
  referencing new table as new_rows for each statement execute function app.audit_changes();
create trigger offer_descriptions_audit_update after update on public.offer_descriptions
  referencing old table as old_rows new table as new_rows for each statement execute function app.audit_changes();
