import { shortcutOf } from '../grid/keyboard.ts';
import type { CodeBook } from './codes.ts';

type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** What a key press on a focused matrix cell does; null leaves it to AG Grid (plain arrows, Tab). */
export type MatrixKeyAction =
  | { kind: 'undo' | 'redo' | 'fillDown' | 'fillRight' | 'save' | 'clear' }
  | { kind: 'code'; value: string }
  | { kind: 'extend'; rows: number; cols: number };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * The roster grid's shortcuts (undo, redo, fill down, Delete), and the matrix's own: Ctrl+R fill
 * right, Ctrl+S save, Backspace clears, Shift+arrow selects, and one letter enters a code, in the
 * UI's language.
 */
export function matrixKeyAction(e: KeyPress, book: CodeBook): MatrixKeyAction | null {
  const shortcut = shortcutOf(e);
  if (shortcut) return { kind: shortcut };
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.shiftKey && key === 'r') return { kind: 'fillRight' };
  if (mod && !e.shiftKey && key === 's') return { kind: 'save' };
  if (mod) return null;
  if (e.key === 'Backspace') return { kind: 'clear' };
  const arrow = ARROWS[e.key];
  if (arrow) return e.shiftKey ? { kind: 'extend', rows: arrow[0], cols: arrow[1] } : null;
  const code = book.byKey(e.key);
  return code ? { kind: 'code', value: code.value } : null;
}
