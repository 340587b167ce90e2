import { describe, expect, it } from 'vitest';
import { firstProblem } from './problems.tsx';
import type { GridColumn } from './types.ts';

const column = (field: string) => ({ field, header: field, type: 'text' }) as GridColumn<Record<string, unknown>>;
const view = { rowIds: ['r1', 'r2', 'r3'], columns: [column('name'), column('email'), column('phone')] };

describe('the first problem', () => {
  it('is the top one in the rows as shown, then the leftmost', () => {
    const problems = [
      { id: 'r3', field: 'name', message: 'errors:required' },
      { id: 'r2', field: 'phone', message: 'errors:too_long' },
      { id: 'r2', field: 'email', message: 'errors:invalid_email' },
    ];
    expect(firstProblem(problems, view)).toEqual(problems[2]);
  });

  it('prefers a row that is shown over one hidden by the search or a filter', () => {
    const problems = [
      { id: 'hidden', field: 'name', message: 'errors:required' },
      { id: 'r3', field: 'phone', message: 'errors:too_long' },
    ];
    expect(firstProblem(problems, view)).toEqual(problems[1]);
  });

  it('is none when nothing is wrong', () => {
    expect(firstProblem([], view)).toBeUndefined();
  });
});
