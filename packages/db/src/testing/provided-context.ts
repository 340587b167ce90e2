import type {} from 'vitest';

/** What the global setup hands every test file: the fresh database's connection strings. */
declare module 'vitest' {
  export interface ProvidedContext {
    db: { requestUrl: string; adminUrl: string; authUrl: string; bootstrapUrl: string };
  }
}
