import type pg from 'pg';
import { DatabaseUnavailableError, isUnavailable } from './errors.ts';
import type { SqlText } from './sql-text.ts';

/** What code inside a transaction may do: run parameterised SQL. Nothing else escapes. */
export type Tx = {
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  one<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R | undefined>;
};

export function wrap(client: pg.PoolClient): Tx {
  async function query<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    const result = await client.query(sql, params as unknown[] | undefined);
    return result.rows as R[];
  }
  async function one<R extends object>(sql: string, params?: readonly unknown[]): Promise<R | undefined> {
    return (await query<R>(sql, params))[0];
  }
  return { query, one };
}

/**
 * Runs `fn` inside BEGIN/COMMIT on a pooled client. `preamble` (for `withRls`, the role, the
 * claims and the session check, as SQL text) travels with the BEGIN in one message, so whatever it
 * sets ends with the transaction and costs no round trip of its own.
 */
export function runInTransaction<T>(
  client: pg.PoolClient,
  preamble: SqlText | undefined,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return settle(client, async () => {
    await client.query(preamble ? `begin; ${preamble.text}` : 'begin');
    return fn(wrap(client));
  });
}

/** Runs `fn` in the transaction already begun on `client`, then commits it (openWithRls). */
export function continueTransaction<T>(client: pg.PoolClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return settle(client, () => fn(wrap(client)));
}

/** Rolls back the transaction begun on `client` and gives the client back. */
export async function abandonTransaction(client: pg.PoolClient): Promise<void> {
  let broken: Error | undefined;
  try {
    await client.query('rollback');
  } catch (error) {
    broken = error as Error;
  } finally {
    client.release(broken);
  }
}

/**
 * The end of every transaction: COMMIT after `body`, or ROLLBACK if it failed (a failure of an
 * unreachable database becomes DatabaseUnavailableError); the client goes back to the pool, or
 * is destroyed if its connection broke.
 */
async function settle<T>(client: pg.PoolClient, body: () => Promise<T>): Promise<T> {
  let broken: Error | undefined;
  try {
    const result = await body();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch((e: Error) => (broken = e));
    if (isUnavailable(error)) {
      broken ??= error as Error;
      throw new DatabaseUnavailableError(error);
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
