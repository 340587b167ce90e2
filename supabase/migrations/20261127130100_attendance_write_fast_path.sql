-- Attendance writes: the same rules as in the courses migration, with the whole-workspace grant
-- tested first. `tenants_where(...)` does not depend on the row, so Postgres computes it once per
-- statement; app.can_on_course depends on the row and, as a security definer function, runs once
-- per row and per check. A coordinator saving 10,000 cells paid ~40,000 such calls (update's
-- using and with check, the API's row-rights check and its returning), about three times the
-- write itself (packages/bench attendance-save, docs/decisions/021). Peers still go through
-- app.can_on_course, which answers for their own courses only.

-- ============================================================================
-- Policies
-- ============================================================================
drop policy "Editors, and peers on their own courses, can record attendance" on public.attendance;
drop policy "Editors, and peers on their own courses, can change attendance" on public.attendance;
drop policy "Editors, and peers on their own courses, can clear attendance" on public.attendance;

create policy "Editors, and peers on their own courses, can record attendance"
  on public.attendance for insert to authenticated
  with check (
    tenant_id = any (array(select app.tenants_where('attendance.record')))
    or (select app.can_on_course('attendance.record', tenant_id, course_id))
  );

create policy "Editors, and peers on their own courses, can change attendance"
  on public.attendance for update to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('attendance.record')))
    or (select app.can_on_course('attendance.record', tenant_id, course_id))
  )
  with check (
    tenant_id = any (array(select app.tenants_where('attendance.record')))
    or (select app.can_on_course('attendance.record', tenant_id, course_id))
  );

create policy "Editors, and peers on their own courses, can clear attendance"
  on public.attendance for delete to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('attendance.record')))
    or (select app.can_on_course('attendance.record', tenant_id, course_id))
  );
