import type { CellEditingStartedEvent, ICellEditorComp } from 'ag-grid-community';

/**
 * AG Grid names its text editors ("Redigér celle", from the locale text) but leaves the combobox
 * of its select editor without a name, so a screen reader announces an unnamed list and axe
 * reports `aria-input-field-name`. The grid has no option for it, so the combobox gets the
 * column's header as its name when editing starts: "Status, combobox, Aktiv".
 */
export function nameUnnamedEditors<T>(event: CellEditingStartedEvent<T>): void {
  const name = event.api.getDisplayNameForColumn(event.column, 'header');
  if (!name) return;
  for (const editor of event.api.getCellEditorInstances()) {
    const gui = (editor as Partial<ICellEditorComp>).getGui?.();
    for (const field of gui?.querySelectorAll('[role="combobox"]:not([aria-label]):not([aria-labelledby])') ?? [])
      field.setAttribute('aria-label', name);
  }
}
