import { grantOf } from '../permissions.ts';
import type { OverviewQuery } from './overview-section.ts';

/**
 * Expenses waiting for a coordinator's approval: how many, and, for those who approve, whose
 * (each volunteer once, by name, for those who may see names). Shown to those who read every
 * expense; a peer sees their own expenses' status on the expenses page.
 */
export const unapprovedExpenses: OverviewQuery = {
  key: 'todos.unapprovedExpenses',
  shownTo: (role) => grantOf(role, 'expenses.read') === 'all',
  sql: ({ names }) => {
    const waiting = `from public.expenses e where e.tenant_id = $1 and e.status = 'submitted'`;
    const people = names
      ? `(select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name)), '[]')
          from (select v.id, v.name from public.volunteers v
                -- A semi-join on the waiting expenses' volunteers, not a probe per volunteer.
                where v.tenant_id = $1 and v.id in (select e.volunteer_id ${waiting})
                order by v.name collate "da-DK-x-icu", v.id limit 10) p)`
      : 'null';
    return `json_build_object('count', (select count(*) ${waiting}), 'people', ${people})`;
  },
};
