-- app.action_grants is read only by the security-definer helpers of the permissions migration
-- (app.action_roles, app.tenants_where, ...), which run as the table's owner. Row-level security
-- with no policy closes it to every other role as well, behind the revoked grants, like every
-- other table of the project (app.login_attempts included).
alter table app.action_grants enable row level security;
