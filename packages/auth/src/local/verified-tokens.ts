/**
 * Session tokens already verified, by their exact text, until they expire. Every request reads the
 * session cookie, and an HMAC check through WebCrypto costs the server ~0.25 ms of CPU each time
 * (docs/decisions/036). A token's signature and claims never change, so a second check of the same
 * text can only give the same answer until its `exp`. Whether the session is still live is not
 * decided here: the request's own transaction proves that every time (app.require_live_session).
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

  get size(): number {
    return this.entries.size;
  }
}
