import { describe, expect, it } from 'vitest';
import { BatchIds } from './batch-ids.ts';
import type { GridRow, SaveBatch, SaveResult } from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const batch = (name: string): SaveBatch<GridRow> => ({
  upserts: [{ id: 'a', version: 1, name }],
  deletes: [{ id: 'b', version: 3 }],
});

/**
 * A server as the API behaves: it records each committed batch by id and answers a repeat with
 * the recorded result; a batch without a receipt whose rows it already saved is a conflict. It can
 * be told to lose its next answer after committing, as a dropped connection does.
 */
function fakeServer() {
  const receipts = new Map<string, SaveResult<GridRow>>();
  const saved = new Set<string>();
  const sent: (string | undefined)[] = [];
  let loseNextAnswer = false;
  let offline = false;
  const save = async (b: SaveBatch<GridRow>): Promise<SaveResult<GridRow>> => {
    sent.push(b.batchId);
    if (offline) throw new TypeError('Failed to fetch');
    const recorded = b.batchId ? receipts.get(b.batchId) : undefined;
    if (recorded) return recorded;
    const key = JSON.stringify(b.upserts);
    if (saved.has(key)) return { ok: false, conflicts: [{ id: 'a', server: null }], errors: [] };
    saved.add(key);
    const result: SaveResult<GridRow> = { ok: true, rows: b.upserts, deleted: b.deletes.map((d) => d.id) };
    if (b.batchId) receipts.set(b.batchId, result);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return result;
  };
  return {
    save,
    sent,
    loseNextAnswer: () => void (loseNextAnswer = true),
    setOffline: (value: boolean) => void (offline = value),
  };
}

describe('BatchIds', () => {
  it('a Save retried after its answer was lost goes out under the same id and comes back saved, not as a conflict', async () => {
    const server = fakeServer();
    const ids = new BatchIds();
    server.loseNextAnswer();
    await expect(ids.send(batch('Anna'), server.save)).rejects.toThrow('Failed to fetch');
    const retried = await ids.send(batch('Anna'), server.save);
    expect(retried.ok).toBe(true);
    expect(server.sent).toHaveLength(2);
    expect(server.sent[0]).toMatch(UUID);
    expect(server.sent[1]).toBe(server.sent[0]);
  });

  it('keeps the id through several failed tries of the same changes', async () => {
    const server = fakeServer();
    const ids = new BatchIds();
    server.setOffline(true);
    await expect(ids.send(batch('Anna'), server.save)).rejects.toThrow();
    await expect(ids.send(batch('Anna'), server.save)).rejects.toThrow();
    server.setOffline(false);
    expect((await ids.send(batch('Anna'), server.save)).ok).toBe(true);
    expect(new Set(server.sent).size).toBe(1);
  });

  it('changes edited after a failed try are a new batch with a new id', async () => {
    const server = fakeServer();
    const ids = new BatchIds();
    server.setOffline(true);
    await expect(ids.send(batch('Anna'), server.save)).rejects.toThrow();
    server.setOffline(false);
    await ids.send(batch('Anna Hansen'), server.save);
    expect(server.sent[1]).toMatch(UUID);
    expect(server.sent[1]).not.toBe(server.sent[0]);
  });

  it('after an answer, saved or refused, the next Save is a new batch', async () => {
    const server = fakeServer();
    const ids = new BatchIds();
    expect((await ids.send(batch('Anna'), server.save)).ok).toBe(true);
    // The same changes again (e.g. after reloading the same rows) are another save: refused as a conflict.
    expect((await ids.send(batch('Anna'), server.save)).ok).toBe(false);
    await ids.send(batch('Anna'), server.save);
    expect(new Set(server.sent).size).toBe(3);
  });
});
