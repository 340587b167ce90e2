import { describe, expect, it } from 'vitest';
import { SUPABASE_AUTH_ENUMS, SUPABASE_AUTH_TABLES, type ColumnFact } from '../src/embedded/supabase-auth-tables.ts';
import { privileged } from '../src/testing/index.ts';

/**
 * The embedded platform's auth tables against the recorded facts of Supabase Auth's: a column,
 * type, default, enum value, constraint or index that differs fails here, so the imitation cannot
 * drift from what a real Supabase project has (and what the local provider must write to).
 */

const byName = <T extends { name: string }>(rows: T[]) => [...rows].sort((a, b) => a.name.localeCompare(b.name));

async function columnsOf(table: string): Promise<ColumnFact[]> {
  const rows = await privileged((tx) =>
    tx.query<{ name: string; type: string; nullable: boolean; default: string | null; generated: boolean }>(
      `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, not a.attnotnull as nullable,
              pg_get_expr(d.adbin, d.adrelid) as default, a.attgenerated <> '' as generated
       from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
       where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
      [`auth.${table}`],
    ),
  );
  return byName(rows.map(({ generated, ...c }) => (generated ? { ...c, generated: true as const } : c)));
}

const constraintsOf = (table: string) =>
  privileged((tx) =>
    tx.query<{ c: string }>(
      // Not-null constraints (Postgres 18 lists them here) are checked with the columns.
      `select conname || ': ' || pg_get_constraintdef(oid) as c from pg_constraint
       where conrelid = $1::regclass and contype <> 'n'`,
      [`auth.${table}`],
    ),
  ).then((rows) => rows.map((r) => r.c).sort());

/** Indexes that do not back a constraint (those are checked as constraints). */
const indexesOf = (table: string) =>
  privileged((tx) =>
    tx.query<{ i: string }>(
      `select pg_get_indexdef(i.indexrelid) as i from pg_index i
       where i.indrelid = $1::regclass
         and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
      [`auth.${table}`],
    ),
  ).then((rows) => rows.map((r) => r.i));

describe("the embedded auth tables are Supabase Auth's", () => {
  for (const [table, facts] of Object.entries(SUPABASE_AUTH_TABLES)) {
    describe(`auth.${table}`, () => {
      it('has exactly its columns, with their types, nullability and defaults', async () => {
        expect(await columnsOf(table)).toEqual(byName(facts.columns));
      });

      it('has exactly its constraints', async () => {
        expect(await constraintsOf(table)).toEqual([...facts.constraints].sort());
      });

      it('has exactly its indexes', async () => {
        expect((await indexesOf(table)).sort()).toEqual([...facts.indexes].sort());
      });
    });
  }

  it('has the enums with exactly their values, in order', async () => {
    const rows = await privileged((tx) =>
      tx.query<{ name: string; labels: string[] }>(
        `select format('%s.%s', n.nspname, t.typname) as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
         from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
         where n.nspname = 'auth' group by 1 order by 1`,
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.labels]))).toEqual(SUPABASE_AUTH_ENUMS);
  });

  it('has no sign-in link type among the one-time tokens: such a row is refused, as on Supabase', async () => {
    await expect(
      privileged((tx) =>
        tx.query(
          `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
           values (gen_random_uuid(), gen_random_uuid(), 'magiclink', 'x', 'x')`,
        ),
      ),
    ).rejects.toThrow(/invalid input value for enum auth.one_time_token_type: "magiclink"/);
  });
});
