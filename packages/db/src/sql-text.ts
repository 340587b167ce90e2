import pg from 'pg';

/**
 * SQL with its values written in as literals, for the few places that must send several
 * statements in one message (the simple query protocol has no parameters): the caller's role,
 * claims and session check ahead of a transaction, and the workspace lookup that opens each
 * workspace request (docs/decisions/035-fewer-round-trips.md). Everywhere else, bind parameters.
 */
export type SqlText = { readonly text: string };

/** A value as a quoted SQL string literal, by the pg client's own escaping (libpq's rules). */
function literal(value: string): string {
  // A NUL cannot be in a Postgres string at all; refuse it here rather than send it.
  if (value.includes('\0')) throw new Error('sql literal: NUL is not allowed');
  return pg.escapeLiteral(value);
}

/**
 * `sql\`select ... where slug = ${slug}\``: every interpolated value becomes a string literal;
 * null becomes NULL. Nothing else can be interpolated, so no value is ever read as SQL.
 */
export function sql(strings: TemplateStringsArray, ...values: (string | null)[]): SqlText {
  let text = strings[0]!;
  values.forEach((value, i) => {
    text += (value === null ? 'null' : literal(value)) + strings[i + 1]!;
  });
  return { text };
}

/** Statements joined into one message; they run in order, in one transaction. */
export function statements(...parts: SqlText[]): SqlText {
  return { text: parts.map((p) => p.text).join('; ') };
}
