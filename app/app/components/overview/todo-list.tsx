import type { Overview } from '@brobygger/api/overview';
import { Link } from '@remix-run/react';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';

type TodoKey = keyof Overview['todos'];

/** Which grid holds the rows a to-do is about. */
const GRID_OF: Record<TodoKey, string> = {
  missingConfidentiality: 'volunteers',
  recordCheckDue: 'volunteers',
  waitingForIntake: 'volunteers',
  unapprovedExpenses: 'expenses',
};
const ORDER = Object.keys(GRID_OF) as TodoKey[];

/**
 * What needs doing now: each to-do with a count, the people it concerns, each a link to their
 * page (for those who may act on them; viewers get the counts only), and a link to the grid. To-dos
 * with nothing waiting are left out; the section is not drawn for a role shown none (a peer).
 */
export function TodoList({ overview, tenant }: { overview: Overview; tenant: string }) {
  const { t } = useTranslation('overview');
  const headingId = useId();
  const todos = ORDER.flatMap((key) => {
    const todo = overview.todos[key];
    return todo ? [{ key, ...todo }] : [];
  });
  if (todos.length === 0) return null;
  const waiting = todos.filter((todo) => todo.count > 0);
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('todos.heading')}</h2>
      {waiting.length === 0 ? (
        <p>{t('todos.none')}</p>
      ) : (
        <ul className="plain-list overview-todos">
          {waiting.map((todo) => {
            const more = todo.count - (todo.people?.length ?? 0);
            return (
              <li key={todo.key}>
                {t(`todos.${todo.key}`, { count: todo.count, months: overview.recordCheckRenewalMonths })}
                {todo.people?.length ? (
                  <span className="muted">
                    {': '}
                    {todo.people.map((p, i) => (
                      <Fragment key={p.id}>
                        {i > 0 ? ', ' : null}
                        {/* Every to-do is about volunteers: each name opens that person's page. */}
                        <Link to={`/w/${tenant}/volunteers/${p.id}`}>{p.name}</Link>
                      </Fragment>
                    ))}
                    {more > 0 ? ` ${t('todos.more', { count: more })}` : null}
                  </span>
                ) : null}{' '}
                {/* The link's own words, not the to-do's: those name the roster, as the main navigation does. */}
                <Link to={`/w/${tenant}/${GRID_OF[todo.key]}`}>{t('todos.open')}</Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
