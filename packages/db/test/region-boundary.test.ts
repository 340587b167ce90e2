import { beforeAll, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, seedPartnerActivity, type World } from '../src/testing/index.ts';
import type { Tx } from '../src/tx.ts';

/**
 * A region member and an active partner: the region must not select, insert, update or delete any
 * row of the partner, directly, through a view, or through any function it may execute. Tables,
 * views and functions are read from the catalog, so whatever a later migration adds is covered.
 * Only counts may cross, through aggregates.*: names of the partner's people never do.
 */

let world: World;
/** Words that appear only in the partner's rows (seedPartnerActivity's names, its members' e-mails). */
let secrets: string[];

type Relation = { name: string; kind: string; column: string | null };

const relations = () =>
  privileged((tx) =>
    tx.query<Relation>(
      `select format('%I.%I', n.nspname, c.relname) as name, c.relkind::text as kind,
         (select a.attname::text from pg_attribute a where a.attrelid = c.oid and not a.attisdropped
            and a.attname in ('tenant_id', 'id') order by a.attname = 'tenant_id' desc limit 1) as column
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'app', 'aggregates') and c.relkind in ('r', 'p', 'v', 'm')
       order by 1`,
    ),
  );

/** What the partner holds: per table, a count and a hash of its rows, to compare after all calls. */
async function partnerFingerprint(tables: Relation[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await privileged(async (tx) => {
    for (const t of tables.filter((r) => r.kind === 'r' && r.column === 'tenant_id')) {
      const row = await tx.one<{ f: string }>(
        `select count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) as f from ${t.name} x where x.tenant_id = $1`,
        [world.tenant.id],
      );
      out[t.name] = row!.f;
    }
  });
  return out;
}

const inSavepoint = async <T>(tx: Tx, fn: () => Promise<T>): Promise<T | Error> => {
  await tx.query('savepoint probe');
  try {
    const result = await fn();
    await tx.query('release savepoint probe');
    return result;
  } catch (error) {
    await tx.query('rollback to savepoint probe');
    return error as Error;
  }
};

beforeAll(async () => {
  world = await createWorld();
  await seedPartnerActivity(world.tenant.id, {
    courses: 2,
    perCourse: 6,
    sessions: 3,
    firstDay: '2026-02-02',
    volunteers: 5,
    matches: 3,
    startedOn: '2026-01-01',
  });
  secrets = ['Deltager', 'Frivillig', 'Forløb', world.users.owner.email, world.users.coordinator.email];
});

describe('a region member and the rows of its active partner', () => {
  it('selects nothing of the partner from any table or view', async () => {
    const found = await as(world.users.regionMember, async (tx) => {
      const leaks: string[] = [];
      for (const r of await relations()) {
        // The partner's rows are those whose tenant_id (or, for tenants, id) is the partner's. A
        // region's own rows may name the partner (its partnership, that row's audit entries).
        const theirs = r.column ? `x.${r.column}::text = $1` : 'false';
        const rows = await inSavepoint(tx, () =>
          tx.query<{ t: string; theirs: boolean }>(`select x::text as t, ${theirs} as theirs from ${r.name} x`, [
            world.tenant.id,
          ]),
        );
        if (rows instanceof Error) continue; // not granted at all: nothing to read
        if (rows.some((row) => row.theirs || secrets.some((s) => row.t.includes(s)))) {
          leaks.push(r.name);
        }
      }
      return leaks;
    });
    expect(found).toEqual([]);
  });

  it('inserts, updates and deletes nothing of the partner in any table', async () => {
    const tables = (await relations()).filter((r) => r.kind === 'r' && r.column === 'tenant_id');
    expect(tables.length).toBeGreaterThan(15);
    const before = await partnerFingerprint(tables);
    const written = await as(world.users.regionMember, async (tx) => {
      const writes: string[] = [];
      for (const t of tables) {
        const attempts = [
          `insert into ${t.name} (tenant_id) values ($1) returning 1`,
          `update ${t.name} set tenant_id = tenant_id where tenant_id = $1 returning 1`,
          `delete from ${t.name} where tenant_id = $1 returning 1`,
        ];
        for (const sql of attempts) {
          const result = await inSavepoint(tx, () => tx.query(sql, [world.tenant.id]));
          if (!(result instanceof Error) && result.length > 0) writes.push(`${t.name}: ${sql.split(' ')[0]}`);
        }
      }
      return writes;
    });
    expect(written).toEqual([]);
    expect(await partnerFingerprint(tables)).toEqual(before);
  });

  it('learns no name and changes nothing through any function it may execute', async () => {
    const tables = (await relations()).filter((r) => r.kind === 'r' && r.column === 'tenant_id');
    const before = await partnerFingerprint(tables);
    const partnerIds = await privileged((tx) =>
      tx.query<{ id: string }>(
        `select id from public.participants where tenant_id = $1 union all select id from public.volunteers where tenant_id = $1 limit 2`,
        [world.tenant.id],
      ),
    );
    // Every function `authenticated` may execute outside the system schemas, with its arguments
    // filled by type: the partner's id (or one of its rows' ids) for a uuid, its slug for text.
    const functions = await privileged((tx) =>
      tx.query<{ name: string; args: string[]; variadic: boolean }>(
        `select p.oid::regproc::text as name, p.provariadic <> 0 as variadic,
           coalesce(array(select format_type(t, null) from unnest(p.proargtypes::oid[]) t), '{}') as args
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname not in ('pg_catalog', 'information_schema', 'auth', 'extensions') and n.nspname !~ '^pg_'
           and p.prokind = 'f' and p.prorettype <> 'trigger'::regtype
           and has_function_privilege('authenticated', p.oid, 'EXECUTE')
           and has_schema_privilege('authenticated', n.oid, 'USAGE')
         order by 1`,
      ),
    );
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(['aggregates.region_dashboard']));
    const literal = async (type: string, uuid: string): Promise<string> => {
      if (type === 'uuid') return `'${uuid}'::uuid`;
      if (type === 'uuid[]') return `array['${uuid}']::uuid[]`;
      if (type === 'text' || type === 'character varying') return `'${world.tenant.slug}'`;
      if (type === 'date') return `date '2026-01-01'`;
      if (type.startsWith('timestamp')) return 'now()';
      if (type === 'boolean') return 'true';
      if (['integer', 'smallint', 'bigint', 'numeric'].includes(type)) return '1';
      if (type === 'jsonb' || type === 'json') return `'[]'::${type}`;
      const label = await privileged((tx) =>
        tx.one<{ l: string | null }>(
          `select (select e.enumlabel from pg_enum e where e.enumtypid = to_regtype($1) order by e.enumsortorder limit 1) as l`,
          [type.replace(/\[\]$/, '')],
        ),
      );
      if (label?.l) return type.endsWith('[]') ? `array['${label.l}']::${type}` : `'${label.l}'::${type}`;
      return `null::${type}`;
    };
    const heard: string[] = [];
    for (const f of functions) {
      for (const uuid of [world.tenant.id, ...partnerIds.map((p) => p.id)]) {
        const args = await Promise.all(f.args.map((type) => literal(type, uuid)));
        if (f.variadic && args.length) args[args.length - 1] = `variadic ${args.at(-1)}`;
        const call = `select coalesce(jsonb_agg(to_jsonb(r)), '[]')::text as out from ${f.name}(${args.join(', ')}) r`;
        const out = await as(world.users.regionMember, (tx) =>
          tx.one<{ out: string }>(call).then(
            (row) => row!.out,
            (error: Error) => error,
          ),
        );
        if (typeof out === 'string' && secrets.some((s) => out.includes(s))) heard.push(f.name);
      }
    }
    expect(heard).toEqual([]);
    expect(await partnerFingerprint(tables)).toEqual(before);
  });
});
