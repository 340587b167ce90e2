-- Reading courses, sessions and schedules: the whole-workspace grant first, computed once per
-- statement, and the per-course check (app.can_on_course, a security-definer function the planner
-- cannot inline) only for those without it (a peer, on the courses they facilitate). Migration
-- 20261127100000 called the function for every row, for every reader: the overview's figures
-- over 200 courses and their sessions took ~630 ms instead of ~110 (the same rule as the attendance
-- write fast path, 20261127130100). Who may read what is unchanged.

drop policy "Editors and viewers read every course, peers the ones they facilitate" on public.courses;
create policy "Editors and viewers read every course, peers the ones they facilitate"
  on public.courses for select to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('courses.read')))
    or (select app.can_on_course('courses.read', tenant_id, id))
  );

drop policy "Editors and viewers read every session, peers those of the courses they facilitate" on public.course_sessions;
create policy "Editors and viewers read every session, peers those of the courses they facilitate"
  on public.course_sessions for select to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('courses.read')))
    or (select app.can_on_course('courses.read', tenant_id, course_id))
  );

drop policy "Those who read a course read its schedule" on public.course_schedules;
create policy "Those who read a course read its schedule"
  on public.course_schedules for select to authenticated
  using (
    tenant_id = any (array(select app.tenants_where('courses.read')))
    or (select app.can_on_course('courses.read', tenant_id, course_id))
  );
