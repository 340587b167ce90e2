import { describe, expect, it } from 'vitest';
import { privileged } from '@brobygger/db/testing';
import { columnOf, ROSTERS, type FieldDef, type RosterDefinition } from '../src/rosters/index.ts';

/**
 * Each roster definition against the live database catalogue: the definition is the single
 * place a roster's fields are written in TypeScript, the migration the single place in SQL, and
 * this test fails the moment they disagree (a renamed column, an option added on one side only,
 * a column the API writes that the grants do not allow, a parent the caller could move).
 */

const [schemaOf, nameOf] = [(t: string) => t.split('.')[0]!, (t: string) => t.split('.')[1]!];

type ColumnInfo = { column_name: string; type: string; udt_name: string };

const columnsOf = (table: string) =>
  privileged((tx) =>
    tx.query<ColumnInfo>(
      `select a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type, t.typname as udt_name
       from pg_attribute a join pg_type t on t.oid = a.atttypid
       where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
      [table],
    ),
  );

/** The allowed values of an enum type, or of a column's `in (...)` / `<@ array[...]` check. */
async function allowedValues(table: string, column: ColumnInfo): Promise<string[] | null> {
  const enumLabels = await privileged((tx) =>
    tx.query<{ label: string }>(
      `select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = $1 order by e.enumsortorder`,
      [column.udt_name.replace(/^_/, '')],
    ),
  );
  if (enumLabels.length) return enumLabels.map((e) => e.label);
  const checks = await privileged((tx) =>
    tx.query<{ def: string }>(
      `select pg_get_constraintdef(c.oid) as def from pg_constraint c
       where c.conrelid = $1::regclass and c.contype = 'c' and c.conkey = array[(select attnum from pg_attribute where attrelid = $1::regclass and attname = $2)]::int2[]`,
      [table, column.column_name],
    ),
  );
  for (const { def } of checks) {
    if (/ANY \(ARRAY\[|<@ ARRAY\[/.test(def)) return [...def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]!);
  }
  return null;
}

const grantedColumns = (table: string, privilege: 'INSERT' | 'UPDATE') =>
  privileged((tx) =>
    tx.query<{ column_name: string }>(
      `select column_name from information_schema.column_privileges
       where table_schema = $1 and table_name = $2 and grantee = 'authenticated' and privilege_type = $3`,
      [schemaOf(table), nameOf(table), privilege],
    ),
  ).then((rows) => rows.map((r) => r.column_name).sort());

/** Foreign keys of a table as "(cols) -> table(cols)". */
const foreignKeys = (table: string) =>
  privileged((tx) =>
    tx.query<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = $1::regclass and contype = 'f'`,
      [table],
    ),
  ).then((rows) => rows.map((r) => r.def));

/** What the API's `sqlType` must be for each catalogue type. */
const sameType = (declared: string, actual: ColumnInfo) =>
  declared === actual.type ||
  declared === `public.${actual.type}` ||
  (declared === 'time' && actual.type === 'time without time zone');

const entries = Object.values(ROSTERS).map(
  (r) => [r.definition.name, r.definition as unknown as RosterDefinition] as const,
);

describe.each(entries)('roster %s', (_name, definition) => {
  const fields = Object.entries(definition.fields) as [string, FieldDef][];
  const editable = fields.filter(([, f]) => !f.computed);

  it('has RLS enabled on its table', async () => {
    const row = await privileged((tx) =>
      tx.one<{ rls: boolean }>('select relrowsecurity as rls from pg_class where oid = $1::regclass', [
        definition.table,
      ]),
    );
    expect(row?.rls).toBe(true);
  });

  it('names only columns that exist, with the types the API writes', async () => {
    const columns = new Map((await columnsOf(definition.table)).map((c) => [c.column_name, c]));
    for (const [name, f] of editable) {
      const column = columns.get(columnOf(name, f));
      expect(column, `${name} -> ${columnOf(name, f)}`).toBeDefined();
      expect(sameType(f.sqlType, column!), `${name}: ${f.sqlType} vs ${column!.type}`).toBe(true);
    }
  });

  it('offers exactly the options the database allows', async () => {
    const columns = new Map((await columnsOf(definition.table)).map((c) => [c.column_name, c]));
    for (const [name, f] of editable.filter(([, f]) => f.options)) {
      expect(await allowedValues(definition.table, columns.get(columnOf(name, f))!), name).toEqual([...f.options!]);
    }
  });

  it('may update exactly its editable fields, never its identity or parent', async () => {
    const columns = editable.map(([name, f]) => columnOf(name, f));
    // Columns written outside the grid: a peer's account link, and the schedule's occurrence date.
    const extra =
      { 'public.volunteers': ['user_id'], 'public.course_sessions': ['scheduled_on'] }[definition.table] ?? [];
    expect(await grantedColumns(definition.table, 'UPDATE')).toEqual([...columns, ...extra].sort());
    const identity = ['tenant_id', 'id', ...(definition.parent ? [definition.parent.column] : [])];
    expect(await grantedColumns(definition.table, 'INSERT')).toEqual([...identity, ...columns, ...extra].sort());
  });

  it('refuses CPR numbers in every free-text column, with a check the API translates', async () => {
    const checks = await privileged((tx) =>
      tx.query<{ name: string }>(
        `select conname as name from pg_constraint where conrelid = $1::regclass and contype = 'c'`,
        [definition.table],
      ),
    );
    const names = new Set(checks.map((c) => c.name));
    for (const [name, f] of editable.filter(([, f]) => f.kind === 'text')) {
      expect(names.has(`${nameOf(definition.table)}_${columnOf(name, f)}_no_cpr`), name).toBe(true);
    }
  });

  it('keeps its parent and lookups inside the workspace with composite keys', async () => {
    const keys = await foreignKeys(definition.table);
    const expected = [
      ...(definition.parent ? [[definition.parent.column, definition.parent.table] as const] : []),
      ...fields.filter(([, f]) => f.lookup).map(([name, f]) => [columnOf(name, f), f.lookup!.table] as const),
    ];
    // Led by tenant_id, so the row it names is in the same workspace (attendance names its
    // participant through the enrolment, i.e. together with the course).
    for (const [column, target] of expected) {
      const pattern = new RegExp(`^FOREIGN KEY \\(tenant_id, (\\w+, )?${column}\\) REFERENCES \\S+\\(tenant_id, `);
      expect(
        keys.some((k) => pattern.test(k)),
        `${column} -> ${target} in ${keys.join('; ')}`,
      ).toBe(true);
    }
  });
});
