import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The buttons above the grid, each with visible text (its accessible name), and the search box.
 * Editing buttons are left out entirely for a read-only user rather than shown disabled.
 */
export function GridToolbar(props: {
  canEdit: boolean;
  canAdd: boolean;
  canDelete: boolean;
  saving: boolean;
  /** The grid exists and has every row: until then nothing that reads or adds rows can work. */
  ready: boolean;
  selectedCount: number;
  canUndo: boolean;
  canRedo: boolean;
  canSave: boolean;
  /** id of the text saying why Save is disabled, when it is. */
  saveHintId: string | undefined;
  searchId: string;
  quickFilter: string;
  onQuickFilter: (text: string) => void;
  onAddRow: () => void;
  onDeleteRows: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
  onExport: () => void;
  onExportXlsx: () => void;
  /** Import: rendered by the grid, which owns the session the import applies to. */
  importControl?: ReactNode;
}) {
  const { t } = useTranslation('grid');
  const { saving } = props;
  return (
    <div className="grid-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {props.canEdit ? (
        <>
          {props.canAdd ? (
            <button type="button" onClick={props.onAddRow} disabled={saving || !props.ready}>
              {t('toolbar.addRow')}
            </button>
          ) : null}
          {props.canDelete ? (
            <button type="button" onClick={props.onDeleteRows} disabled={saving || props.selectedCount === 0}>
              {t('toolbar.deleteRows', { count: props.selectedCount })}
            </button>
          ) : null}
          <button type="button" onClick={props.onUndo} disabled={saving || !props.canUndo}>
            {t('toolbar.undo')}
          </button>
          <button type="button" onClick={props.onRedo} disabled={saving || !props.canRedo}>
            {t('toolbar.redo')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={props.onSave}
            disabled={saving || !props.canSave}
            aria-describedby={props.saveHintId}
          >
            {saving ? t('toolbar.saving') : t('toolbar.save')}
          </button>
        </>
      ) : null}
      {props.importControl}
      <button type="button" onClick={props.onExport} disabled={!props.ready}>
        {t('toolbar.export')}
      </button>
      <button type="button" onClick={props.onExportXlsx} disabled={!props.ready}>
        {t('import:export.button')}
      </button>
      <div className="grid-search">
        <label htmlFor={props.searchId}>{t('toolbar.search')}</label>
        <input
          id={props.searchId}
          type="search"
          disabled={!props.ready}
          value={props.quickFilter}
          onChange={(e) => props.onQuickFilter(e.target.value)}
        />
      </div>
    </div>
  );
}

/** Moves the focus to the first bad cell; shown beside a message about errors. */
export function FirstProblemLink({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('grid');
  return (
    <button type="button" className="link-button" onClick={onClick}>
      {t('goToFirstProblem')}
    </button>
  );
}

/**
 * How fill down, paste and the shortcuts behave, in the user's words (Community AG Grid has no
 * cell ranges). It opens over the grid rather than pushing it down. A layout with other keys
 * (the matrix) names the namespace of its own `help`.
 */
export function GridHelp({ ns = 'grid' }: { ns?: string }) {
  const { t } = useTranslation(ns);
  return (
    <details className="grid-help popover-details">
      <summary>{t('help.title')}</summary>
      <ul>
        {(t('help.items', { returnObjects: true }) as string[]).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  );
}
