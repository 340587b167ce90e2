-- The record-check renewal period (tenants.record_check_renewal_months, migration 20261127130000)
-- becomes a setting owners and admins change on the settings page. Which members may update a
-- workspace row is already the tenants' update policy (owners and admins); this grants the column.
grant update (record_check_renewal_months) on public.tenants to authenticated;
