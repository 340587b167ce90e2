/**
 * One row out of a list answer's JSON text, without parsing the others: load-50's simulated
 * browsers share the server's 2 CPUs, and what a real browser spends parsing 200 rows is not spent
 * on the server's machine. Rows are JSON objects whose first key is `id` (as Postgres's
 * row_to_json and tRPC leave them); the row ends at the brace that closes it, found by skipping
 * over strings and their escapes.
 */
export function rowByIdIn(text: string, id: string): Record<string, unknown> {
  const start = text.indexOf(`{"id":${JSON.stringify(id)}`);
  if (start < 0) throw new Error(`row ${id} missing from the list`);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return JSON.parse(text.slice(start, i + 1)) as Record<string, unknown>;
  }
  throw new Error(`row ${id} is cut off`);
}
