import type { DerivedRoster } from '@brobygger/api/rosters';
import { Await } from '@remix-run/react';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../routes/w.$tenant.tsx';
import type { RowLink } from '../grid/row-link.tsx';
import type { RosterData } from './roster-data.ts';
import { RosterGrid } from './roster-grid.tsx';

/**
 * A flat roster's whole page: its title and one-line intro from the roster's namespace
 * (`<ns>:title`, `<ns>:intro`), an optional hint, and the grid.
 *
 * `data` may be a promise the loader returned unawaited (docs/decisions/014): the page's heading
 * and the grid's frame are sent and drawn at once, and the grid fills in when the rows arrive.
 */
export function RosterPage({
  roster,
  data,
  preview,
  hint,
  lead = 'intro',
  rowLink,
  actions,
  tools,
}: {
  roster: DerivedRoster;
  data: RosterData | Promise<RosterData>;
  /**
   * The first rows of `data` (a `list` with a limit), awaited by the loader while `data` streams:
   * drawn at once as a read-only preview that the grid replaces (docs/decisions/017). None for a
   * caller whose saved layout the preview would not match (see `firstRowsOf`).
   */
  preview?: RosterData | null;
  /** More about the roster, behind a one-line summary that opens over the grid. */
  hint?: { title: string; body: ReactNode };
  /** i18n key (in the roster's namespace) of the one-line text under the title; `intro` by default. */
  lead?: string;
  rowLink?: RowLink;
  /** Links or buttons beside the title, e.g. a form that adds a row in more steps than a cell. */
  actions?: ReactNode;
  /** Page-specific actions under the intro, outside the grid (a month's export of expenses). */
  tools?: ReactNode;
}) {
  const ns = roster.definition.namespace;
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const titleId = `${roster.definition.name}-title`;
  return (
    // page-fill: the grid takes the rest of the window below the heading (one scrollbar).
    <div className="page page-wide page-fill">
      <div className="page-heading">
        <h1 id={titleId}>{t(`${ns}:title`)}</h1>
        <p className="muted">{t(`${ns}:${lead}`, { workspace: workspace.name })}</p>
        {actions}
        {hint ? (
          <details className="page-hint popover-details">
            <summary>{hint.title}</summary>
            <div>{hint.body}</div>
          </details>
        ) : null}
        {tools}
      </div>
      <Suspense
        fallback={
          preview ? (
            <RosterGrid
              roster={roster}
              data={preview}
              tenant={workspace.slug}
              labelledBy={titleId}
              rowLink={rowLink}
              partialRows
            />
          ) : (
            <GridPending />
          )
        }
      >
        <Await resolve={data} errorElement={<GridLoadFailed />}>
          {(resolved) => (
            <RosterGrid
              roster={roster}
              data={resolved}
              tenant={workspace.slug}
              labelledBy={titleId}
              rowLink={rowLink}
              firstRowsPreview={!!preview}
            />
          )}
        </Await>
      </Suspense>
    </div>
  );
}

/** Where the grid will be, while its rows are on their way. */
function GridPending() {
  const { t } = useTranslation('grid');
  return (
    <div className="grid-region">
      <div className="grid-frame">
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </div>
    </div>
  );
}

/** The rows could not be read after the page had started (the database went away, say). */
function GridLoadFailed() {
  const { t } = useTranslation('errors');
  return (
    <div className="grid-region">
      <p role="alert" className="form-error">
        {t('unexpected')}
      </p>
    </div>
  );
}
