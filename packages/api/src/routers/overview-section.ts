import type { MembershipRole } from '../roles.ts';
import type { Overview, TodoKey } from './overview.types.ts';

type FigureKey = Exclude<keyof Overview, 'period' | 'todos'>;

/**
 * One named query of the overview: a SQL expression that yields one JSON value, read in the
 * caller's transaction, so every table's row-level security applies to it. All shown queries of
 * a request go to the database as one statement.
 *
 * Parameters: $1 the workspace's id, $2 the period's first day, $3 the first day after it, $4 today.
 */
export type OverviewQuery = {
  /** Where the value lands: a figure of the overview, or `todos.<key>` for a to-do. */
  key: FigureKey | `todos.${TodoKey}`;
  /** Whether the caller's role is shown this at all (RLS still decides which rows count). */
  shownTo: (role: MembershipRole) => boolean;
  /** `names`: whether the caller may see who (a to-do's people) or only how many. */
  sql: (caller: { names: boolean }) => string;
};

/**
 * A to-do about people: how many rows match `where` (over `from`, aliased `x`), and, for callers
 * who may see names, the first ten of them by name.
 */
export function peopleTodo(from: string, where: string, label = 'x.name'): OverviewQuery['sql'] {
  return ({ names }) => {
    const people = names
      ? `(select coalesce(json_agg(json_build_object('id', p.id, 'name', p.label)), '[]')
          from (select x.id, ${label} as label from ${from} x where ${where}
                order by ${label} collate "da-DK-x-icu", x.id limit 10) p)`
      : 'null';
    return `json_build_object('count', (select count(*) from ${from} x where ${where}), 'people', ${people})`;
  };
}
