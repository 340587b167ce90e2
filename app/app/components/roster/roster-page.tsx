import type { DerivedRoster } from '@brobygger/api/rosters';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../routes/w.$tenant.tsx';
import type { RowLink } from '../grid/row-link.tsx';
import { RosterGrid, type RosterData } from './roster-grid.tsx';

/**
 * A flat roster's whole page: its title and one-line intro from the roster's namespace
 * (`<ns>:title`, `<ns>:intro`), an optional hint, and the grid.
 */
export function RosterPage({
  roster,
  data,
  hint,
  rowLink,
}: {
  roster: DerivedRoster;
  data: RosterData;
  hint?: ReactNode;
  rowLink?: RowLink;
}) {
  const ns = roster.definition.namespace;
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const titleId = `${roster.definition.name}-title`;
  return (
    <div className="page page-wide">
      <h1 id={titleId}>{t(`${ns}:title`)}</h1>
      <p className="muted">{t(`${ns}:intro`, { workspace: workspace.name })}</p>
      {hint}
      <RosterGrid roster={roster} data={data} tenant={workspace.slug} labelledBy={titleId} rowLink={rowLink} />
    </div>
  );
}
