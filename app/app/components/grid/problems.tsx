import type { GridView } from './commands.ts';
import type { Problem } from './validation.ts';

/**
 * The problem the grid shows first: the top one in the rows' current order, then left to right.
 * Rows hidden by the search or a filter come last, as the grid cannot move to them.
 */
export function firstProblem(problems: readonly Problem[], view: GridView): Problem | undefined {
  const rowIndex = new Map(view.rowIds.map((id, i) => [id, i]));
  const columnIndex = new Map(view.columns.map((c, i) => [c.field as string, i]));
  const position = (p: Problem) => [rowIndex.get(p.id) ?? Infinity, columnIndex.get(p.field) ?? Infinity] as const;
  let first: Problem | undefined;
  for (const problem of problems) {
    if (!first) first = problem;
    else {
      const [row, column] = position(problem);
      const [firstRow, firstColumn] = position(first);
      if (row < firstRow || (row === firstRow && column < firstColumn)) first = problem;
    }
  }
  return first;
}

/**
 * Each bad cell's message, for screen readers: the cell points here with `aria-describedby`
 * (see ValueCellRenderer), so moving onto it reads the value, "invalid", then the message.
 */
export function ProblemDescriptions({
  problems,
  idOf,
  messageOf,
}: {
  problems: readonly Problem[];
  idOf: (id: string, field: string) => string | undefined;
  messageOf: (problem: Problem) => string;
}) {
  return (
    <div hidden>
      {problems.map((p) => {
        const id = idOf(p.id, p.field);
        return id ? (
          <span key={id} id={id}>
            {messageOf(p)}
          </span>
        ) : null;
      })}
    </div>
  );
}
