import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '../src/testing/index.ts';

/**
 * No CPR number in any free-text column of volunteers or participants, checked by the database
 * column by column (behind the API's own check), with constraints named `<table>_<column>_no_cpr`
 * so the API can answer with a translated message.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const COLUMNS: { table: 'volunteers' | 'participants'; column: string; required: Record<string, string> }[] = [
  { table: 'volunteers', column: 'name', required: {} },
  { table: 'volunteers', column: 'phone', required: { name: 'Mette' } },
  { table: 'volunteers', column: 'peer_education_provider', required: { name: 'Mette' } },
  { table: 'volunteers', column: 'note', required: { name: 'Mette' } },
  { table: 'participants', column: 'first_name', required: {} },
  { table: 'participants', column: 'contact', required: { first_name: 'Ali' } },
  { table: 'participants', column: 'note', required: { first_name: 'Ali' } },
];

function insert(table: string, values: Record<string, string>) {
  const columns = Object.keys(values);
  return privileged((tx) =>
    tx.query(
      `insert into public.${table} (tenant_id, ${columns.join(', ')}) values ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')}) returning id`,
      [world.tenant.id, ...Object.values(values)],
    ),
  );
}

describe('CPR numbers in free text', () => {
  for (const { table, column, required } of COLUMNS) {
    it(`${table}.${column} refuses one, naming the constraint`, async () => {
      for (const cpr of ['010190-1234', '0101901234', 'cpr 010190 1234.']) {
        await expect(insert(table, { ...required, [column]: cpr })).rejects.toMatchObject({
          code: '23514',
          constraint: `${table}_${column}_no_cpr`,
        });
      }
    });

    it(`${table}.${column} accepts ordinary text and numbers`, async () => {
      for (const text of ['Mødes tirsdage', '12 34 56 78', '2024-01-01']) {
        expect(await insert(table, { ...required, [column]: text.slice(0, 40) })).toHaveLength(1);
      }
    });
  }

  it('judges each column alone: two columns side by side do not make a CPR number', async () => {
    expect(await insert('participants', { first_name: 'Ali 010190', contact: '1234 (mor)' })).toHaveLength(1);
  });
});
