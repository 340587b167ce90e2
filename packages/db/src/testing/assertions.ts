import { expect } from 'vitest';
import { REFUSED } from './index.ts';

/**
 * A write that must not happen: either refused outright, or its `returning` is empty because no
 * row it may touch matched. Callers then confirm with `privileged` that nothing changed.
 */
export async function expectNoWrite(write: Promise<unknown[]>): Promise<void> {
  const outcome = await write.catch((error: unknown) => error);
  if (outcome instanceof Error) expect(outcome.message).toMatch(REFUSED);
  else expect(outcome).toEqual([]);
}

/** A statement a rule in the database refuses with `raise exception '<key>'`. */
export async function expectRaised(statement: Promise<unknown>, key: string): Promise<void> {
  await expect(statement).rejects.toMatchObject({ code: 'P0001', message: key });
}
