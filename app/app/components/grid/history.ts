/**
 * Undo and redo as two stacks of whole change sets, so one paste of 500 cells or one fill is one
 * step back, as in a spreadsheet. The grid keeps its own history instead of AG Grid's because
 * AG Grid's undo knows only single cell edits, not pastes, fills, added or deleted rows.
 */
export class History<Change> {
  private done: Change[] = [];
  private undone: Change[] = [];

  constructor(private readonly limit = 200) {}

  /** A new change makes the redo stack meaningless, as in every editor. */
  push(change: Change): void {
    this.done.push(change);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The change to revert, now moved to the redo stack. */
  undo(): Change | undefined {
    const change = this.done.pop();
    if (change !== undefined) this.undone.push(change);
    return change;
  }

  /** The change to apply again, now back on the undo stack. */
  redo(): Change | undefined {
    const change = this.undone.pop();
    if (change !== undefined) this.done.push(change);
    return change;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
