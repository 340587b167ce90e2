import { describe, expect, it } from 'vitest';
import { matrixKeyAction } from './matrix-keys.ts';
import { bookFor } from './test-support.ts';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matrix keys', () => {
  it('enters a code with one letter in the UI language', () => {
    expect(matrixKeyAction(press('u'), bookFor('da'))).toEqual({ kind: 'code', value: 'no_show' });
    expect(matrixKeyAction(press('A', { shiftKey: true }), bookFor('da'))).toEqual({
      kind: 'code',
      value: 'cancelled',
    });
    expect(matrixKeyAction(press('a'), bookFor('en'))).toEqual({ kind: 'code', value: 'absent' });
    expect(matrixKeyAction(press('x'), bookFor('en'))).toBeNull();
  });

  it('clears with Delete and Backspace, fills with Ctrl+D and Ctrl+R, saves with Ctrl+S', () => {
    const en = bookFor('en');
    expect(['Delete', 'Backspace'].map((k) => matrixKeyAction(press(k), en)?.kind)).toEqual(['clear', 'clear']);
    expect(matrixKeyAction(press('d', { ctrlKey: true }), en)?.kind).toBe('fillDown');
    expect(matrixKeyAction(press('r', { metaKey: true }), en)?.kind).toBe('fillRight');
    expect(matrixKeyAction(press('s', { ctrlKey: true }), en)?.kind).toBe('save');
    expect(matrixKeyAction(press('z', { ctrlKey: true, shiftKey: true }), en)?.kind).toBe('redo');
    // Ctrl with a code letter is the browser's, not a code.
    expect(matrixKeyAction(press('p', { ctrlKey: true }), en)).toBeNull();
  });

  it('extends the selection with Shift+arrow and leaves plain arrows to the grid', () => {
    const da = bookFor('da');
    expect(matrixKeyAction(press('ArrowDown', { shiftKey: true }), da)).toEqual({ kind: 'extend', rows: 1, cols: 0 });
    expect(matrixKeyAction(press('ArrowLeft', { shiftKey: true }), da)).toEqual({ kind: 'extend', rows: 0, cols: -1 });
    expect(matrixKeyAction(press('ArrowDown'), da)).toBeNull();
  });
});
