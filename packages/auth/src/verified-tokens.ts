/**
 * Session tokens already verified, by their exact text, until they expire. Every request reads the
 * session cookie, and checking it again costs each time: for the local provider an HMAC check
 * through WebCrypto (~0.25 ms of CPU, docs/decisions/036), for Supabase Auth a request to the Auth
 * server. A token's signature and claims never change, so a second check of the same text can
 * only give the same answer until its `exp`. Whether the session is still live is the caller's
 * to decide: the local provider proves it in the request's own transaction every time
 * (app.require_live_session); the Supabase provider remembers its answer for seconds only.
 * Bounded: the oldest entries go first when it is full.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; expiresAtMs: number }>();

  constructor(private readonly max = 10_000) {}

  get(token: string, nowMs = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, value: T, expiresAtMs: number): void {
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { value, expiresAtMs });
  }

  /** Forgets a token at once (its session was ended here). */
  forget(token: string): void {
    this.entries.delete(token);
  }

  /** Forgets every token whose value matches (all of one person's sessions, when all were ended). */
  forgetWhere(matches: (value: T) => boolean): void {
    for (const [token, entry] of this.entries) if (matches(entry.value)) this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
