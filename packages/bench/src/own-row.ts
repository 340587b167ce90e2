/**
 * One row out of a list answer's JSON, without decoding or parsing the others: load-50's simulated
 * browsers share the server's 2 CPUs, and what a real browser spends on 200 rows is not spent on
 * the server's machine. Rows are JSON objects whose first key is `id` (as Postgres's row_to_json and
 * tRPC leave them); the row ends at the brace that closes it, found by skipping over strings and
 * their escapes. It works on the bytes: every character JSON gives meaning to is ASCII, and no
 * byte of a multi-byte UTF-8 character is.
 */
const [QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = [0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d];

export function rowByIdIn(json: Buffer, id: string): Record<string, unknown> {
  const start = json.indexOf(`{"id":${JSON.stringify(id)}`);
  if (start < 0) throw new Error(`row ${id} missing from the list`);
  let depth = 0;
  for (let i = start; i < json.length; i++) {
    const c = json[i];
    if (c === QUOTE) {
      for (i++; i < json.length && json[i] !== QUOTE; i++) if (json[i] === BACKSLASH) i++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0)
      return JSON.parse(json.toString('utf8', start, i + 1)) as Record<string, unknown>;
  }
  throw new Error(`row ${id} is cut off`);
}
