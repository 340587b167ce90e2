import type { RosterName } from '@brobygger/api/rosters';
import type { SaveResult } from '../grid/types.ts';

type SaveInput = {
  tenant: string;
  parent?: string;
  batchId?: string;
  upserts: { id: string; version: number | null }[];
  deletes: { id: string; version: number }[];
};

/**
 * Saves a batch of any roster by name: every roster's `save` takes and returns the same shapes.
 * The tRPC client is loaded on the first save, not with the page.
 */
export async function saveRoster(
  name: string,
  input: SaveInput,
): Promise<SaveResult<Record<string, unknown> & { id: string; version: number | null }>> {
  const { trpc } = await import('../../lib/trpc.client.ts');
  const procedures = trpc[name as RosterName] as unknown as { save: { mutate(input: SaveInput): Promise<never> } };
  return procedures.save.mutate(input);
}
