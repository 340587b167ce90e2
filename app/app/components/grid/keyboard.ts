/** The spreadsheet shortcuts the grid adds on top of AG Grid's own keyboard navigation. */
export type Shortcut = 'undo' | 'redo' | 'fillDown' | 'clear' | 'save';

type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** What a key press on a focused cell means (Cmd on a Mac, Ctrl elsewhere), or null for AG Grid to handle. */
export function shortcutOf(e: KeyPress): Shortcut | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && key === 'd') return 'fillDown';
  if (mod && key === 's' && !e.shiftKey) return 'save';
  if (!mod && e.key === 'Delete') return 'clear';
  return null;
}
