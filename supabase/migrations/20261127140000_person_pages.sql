-- A page per person (volunteer, participant) shows the change history of their row from the
-- audit trail (docs/decisions/022-person-pages.md). Who may read that trail was a list of roles
-- in the audit-log migration; it becomes the named action `audit.read`, so the API can ask the
-- same question the policy does (permissions.ts) instead of repeating the roles. Same roles as
-- before: owners, admins and coordinators.

-- ============================================================================
-- Permissions (mirror of ACTIONS in packages/api/src/permissions.ts)
-- ============================================================================
insert into app.action_grants (action, roles, own_roles) values
  ('audit.read', '{owner,admin,coordinator}', '{}');

-- ============================================================================
-- Policies
-- ============================================================================
drop policy "Owners, admins and coordinators can read their workspace's audit trail" on public.audit_log;

create policy "Members who may read the audit trail can read their workspace's"
  on public.audit_log for select to authenticated
  using (tenant_id = any (array(select app.tenants_where('audit.read'))));
