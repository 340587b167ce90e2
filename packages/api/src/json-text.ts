import { randomUUID } from 'node:crypto';

/** What `hold` returns: serialises to its placeholder, and is nothing else to anyone. */
class HeldJsonText {
  constructor(private readonly placeholder: string) {}
  toJSON(): string {
    return this.placeholder;
  }
}

export const isHeldJsonText = (value: unknown): boolean => value instanceof HeldJsonText;

/**
 * JSON that Postgres has already written, passed through to the HTTP answer as it is.
 *
 * A roster list is ~110 kB of JSON for 200 rows. Read as rows, the server parses all of it and
 * tRPC serialises all of it again, only to send the same text on: ~1.3 ms of the server's single
 * thread per list under load, the largest item left in its profile (docs/decisions/036). Where a
 * procedure does not need to look into the rows, it joins the rows' JSON texts from Postgres into
 * the array's text, unparsed, and returns a stand-in for it; tRPC serialises the small rest of the
 * answer, and the HTTP endpoint puts the text in the stand-in's place. PostgREST answers the same way.
 *
 * Only the HTTP endpoint (app/server/app.ts) offers this, through `Context.jsonText`; callers
 * inside the server (loaders) get rows as always.
 */
export class JsonTextSplicer {
  /**
   * What a stand-in serialises to: a NUL (which no text from Postgres can hold) and a random id
   * per request, so nothing in an answer can pose as one. Drawn on the first `hold`: most
   * requests hold nothing.
   */
  private prefix = '';
  private readonly texts: string[] = [];

  /** A stand-in for `json`, valid JSON text, to return where the value belongs. */
  hold(json: string): unknown {
    this.prefix ||= `\u0000json-text:${randomUUID()}:`;
    return new HeldJsonText(`${this.prefix}${this.texts.push(json) - 1}`);
  }

  /** Whether anything is held, so `splice` has work to do. */
  get holding(): boolean {
    return this.texts.length > 0;
  }

  /** The serialised answer with each stand-in (a JSON string, its NUL escaped) replaced by its text. */
  splice(serialised: string): string {
    if (!this.holding) return serialised;
    const quoted = JSON.stringify(this.prefix).slice(0, -1); // '"\u0000json-text:<id>:' as written
    let out = '';
    let from = 0;
    for (let at = serialised.indexOf(quoted); at >= 0; at = serialised.indexOf(quoted, from)) {
      const end = serialised.indexOf('"', at + quoted.length);
      out += serialised.slice(from, at) + this.texts[Number(serialised.slice(at + quoted.length, end))];
      from = end + 1;
    }
    return out + serialised.slice(from);
  }
}
