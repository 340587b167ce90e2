import { beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../tx.ts';
import { expectNoWrite } from './assertions.ts';
import {
  ACTOR_LABEL,
  addMember,
  as,
  createUser,
  createWorld,
  privileged,
  REFUSED,
  WORKSPACE_LABEL,
  WORKSPACES,
  type Actor,
  type Role,
  type TestUser,
  type Workspace,
  type World,
} from './index.ts';

export { expectNoWrite, expectRaised } from './assertions.ts';

/*
 * rlsMatrix: a tenant table's row-level security as a table of expectations, one line per actor.
 *
 *   rlsMatrix({
 *     table: 'public.volunteers',
 *     seed: (tx, tenantId) => tx.one("insert into public.volunteers (tenant_id, name) values ($1, 'Anna') returning id", [tenantId]),
 *     insert: (tenantId) => ({ sql: 'insert into public.volunteers (tenant_id, name) values ($1, $2) returning id', params: [tenantId, 'Ny'] }),
 *     update: { sql: "update public.volunteers set note = 'x' where id = $1 returning id" },
 *     delete: true,
 *     expect: { owner: 'edit', admin: 'edit', coordinator: 'edit', viewer: 'read', peer: 'none',
 *               stranger: 'edit', regionMember: 'edit', anonymous: 'none',
 *               twoHats: { tenant: 'edit', other: 'read' } },
 *   });
 *
 * Before every test a fresh world (the municipality `tenant`, the association `other`, the region
 * in active partnership with the municipality, one member per role, see `createWorld`, plus
 * `twoHats`, coordinator in the municipality and viewer in the association) gets the seed's rows
 * in each of its three workspaces, on the privileged path. Then, per actor:
 *
 * - select: `select <key> from <table>` returns exactly the rows the expectations allow, in all
 *   three workspaces together. Anonymous requests must be refused outright (no grant to `anon`).
 * - insert, update, delete: tried in each of the three workspaces. An allowed write must return
 *   its row, and the privileged path must show that exactly that row was added, changed or removed;
 *   a denied one must be refused or return nothing, and the privileged path must show the table
 *   (every row of the world's workspaces) unchanged.
 *
 * An expectation is `'edit'` (every verb), `'read'` (select only), `'none'`, or per verb
 * `{ select: 'all' | 'own' | 'none', insert: ..., update: ..., delete: ... }` (omitted verbs: none).
 * It applies in every workspace where the actor is a member; elsewhere the actor gets nothing.
 * An actor whose rights differ per workspace takes `{ tenant: ..., other: ..., region: ... }`.
 *
 * `'own'` is for rows that belong to particular members (a peer's own course): the seed then
 * returns `[{ id, ownedBy: ['peer'] }, { id }]`, and the actor must see and change only rows that
 * name it. For insert, `'own'` runs the insert twice with `ctx.mine` true (must succeed) and false
 * (must be refused), and the insert builder picks a parent accordingly.
 *
 * Special cases (views, functions, column grants, triggers) stay as explicit tests beside the matrix.
 */

/** The actors of `Actor`, plus a member who holds different roles in two workspaces. */
export type MatrixActor = Actor | 'twoHats';

/** Where each actor is a member, and with which role: the one cast every matrix uses. */
export const MEMBERSHIPS: Record<MatrixActor, Partial<Record<Workspace, Role>>> = {
  owner: { tenant: 'owner' },
  admin: { tenant: 'admin' },
  coordinator: { tenant: 'coordinator' },
  peer: { tenant: 'peer' },
  viewer: { tenant: 'viewer' },
  stranger: { other: 'owner' },
  regionMember: { region: 'admin' },
  twoHats: { tenant: 'coordinator', other: 'viewer' },
  anonymous: {},
};
const MATRIX_ACTORS = Object.keys(MEMBERSHIPS) as MatrixActor[];

export const MATRIX_ACTOR_LABEL: Record<MatrixActor, string> = {
  ...ACTOR_LABEL,
  twoHats: 'member of two workspaces (coordinator in the municipality, viewer in the association)',
};

export type MatrixWorld = World & {
  users: World['users'] & { twoHats: TestUser };
  twoHatsMemberships: Partial<Record<Workspace, string>>;
};

/** `createWorld` plus `twoHats`, with the roles `MEMBERSHIPS` gives her. */
export async function createMatrixWorld(): Promise<MatrixWorld> {
  const world = await createWorld();
  const twoHats = await createUser('two-hats');
  const twoHatsMemberships: Partial<Record<Workspace, string>> = {};
  for (const [workspace, role] of Object.entries(MEMBERSHIPS.twoHats) as [Workspace, Role][]) {
    twoHatsMemberships[workspace] = await addMember(world[workspace], twoHats, role);
  }
  return { ...world, users: { ...world.users, twoHats }, twoHatsMemberships };
}

export const asMatrixActor = <T>(world: MatrixWorld, actor: MatrixActor, fn: (tx: Tx) => Promise<T>) =>
  as(actor === 'anonymous' ? null : world.users[actor], fn);

export type Verb = 'select' | 'insert' | 'update' | 'delete';
export type Scope = 'all' | 'own' | 'none';
export type Access = 'edit' | 'read' | 'none' | Partial<Record<Verb, Scope>>;
export type Expectation = Access | Partial<Record<Workspace, Access>>;

export type MatrixContext = { world: MatrixWorld; workspace: Workspace; tenantId: string };
/** A seeded row: its key, and the actors whose own row it is (for `'own'` expectations). */
export type SeededRow = { id: string; ownedBy?: MatrixActor[] };
type Row = Record<string, unknown>;
/** `returns`: the row `returning` must give, which `select <columns>` must then read back. */
export type Statement = { sql: string; params?: unknown[]; returns?: Row };

export type RlsMatrixSpec = {
  /** Schema-qualified, e.g. `public.volunteers`. It must have a `tenant_id` column. */
  table: string;
  /** A SQL expression unique per row (default `id`); seeds return it, `$1` of update and delete is it. */
  key?: string;
  /**
   * Only these rows are the matrix's concern (SQL over alias `t`): for a table that other tables'
   * triggers also write to, such as the audit log, the rows the seed made.
   */
  where?: string;
  /** The columns `returns` checks compare (default `*`). */
  columns?: string;
  /** The rows of one workspace, on the privileged path: `{ id }` or a list of `SeededRow`. */
  seed: (tx: Tx, tenantId: string, ctx: MatrixContext) => Promise<{ id: string } | SeededRow[] | undefined>;
  /** A statement adding one row to the workspace (`ctx.mine`: see `'own'` above). */
  insert?: (tenantId: string, ctx: MatrixContext & { actor: MatrixActor; mine: boolean }) => Statement;
  /** An update of the row whose key is `$1` (further params follow); it must change the row. */
  update?: { sql: string; params?: unknown[]; returns?: (before: Row) => Row };
  /** `true` deletes by key with a generated statement. */
  delete?: true | { sql: string };
  expect: Record<MatrixActor, Expectation>;
};

const ACCESS: Record<'edit' | 'read' | 'none', Record<Verb, Scope>> = {
  edit: { select: 'all', insert: 'all', update: 'all', delete: 'all' },
  read: { select: 'all', insert: 'none', update: 'none', delete: 'none' },
  none: { select: 'none', insert: 'none', update: 'none', delete: 'none' },
};

const isPerWorkspace = (e: Expectation): e is Partial<Record<Workspace, Access>> =>
  typeof e === 'object' && Object.keys(e).some((k) => (WORKSPACES as string[]).includes(k));

export function scopeOf(expectation: Expectation, actor: MatrixActor, workspace: Workspace, verb: Verb): Scope {
  const access = isPerWorkspace(expectation)
    ? (expectation[workspace] ?? 'none')
    : MEMBERSHIPS[actor][workspace]
      ? expectation
      : 'none';
  return typeof access === 'string' ? ACCESS[access][verb] : (access[verb] ?? 'none');
}

const SCOPE_PHRASE: Record<Verb, Record<Scope, string>> = {
  select: { all: 'sees every row of', own: 'sees only its own rows of', none: 'sees nothing of' },
  insert: { all: 'adds rows to', own: 'adds rows only under its own parent in', none: 'cannot add rows to' },
  update: { all: 'changes rows of', own: 'changes only its own rows of', none: 'cannot change rows of' },
  delete: { all: 'removes rows of', own: 'removes only its own rows of', none: 'cannot remove rows of' },
};

/** e.g. "update: changes rows of the municipality (coordinator); cannot change rows of the association (viewer), the region". */
function title(verb: Verb, scopes: Record<Workspace, Scope>, actor: MatrixActor): string {
  const groups = new Map<Scope, string[]>();
  for (const w of WORKSPACES) {
    const role = MEMBERSHIPS[actor][w];
    groups.set(scopes[w], [...(groups.get(scopes[w]) ?? []), WORKSPACE_LABEL[w] + (role ? ` (${role})` : '')]);
  }
  const order: Scope[] = ['all', 'own', 'none'];
  const sorted = [...groups].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const parts = sorted.map(([scope, places]) => `${SCOPE_PHRASE[verb][scope]} ${places.join(', ')}`);
  return `${verb}: ${parts.join('; ')}`;
}

export function rlsMatrix(spec: RlsMatrixSpec): void {
  for (const actor of MATRIX_ACTORS) {
    const e = spec.expect[actor];
    // A shorthand applies where the actor is a member; for one who is a member nowhere it would
    // silently mean 'none', so say so instead.
    if (!isPerWorkspace(e) && e !== 'none' && Object.keys(MEMBERSHIPS[actor]).length === 0) {
      throw new Error(`rlsMatrix(${spec.table}): ${actor} is a member nowhere; give 'none' or per-workspace access`);
    }
  }
  const key = spec.key ?? 'id';
  const columns = spec.columns ?? '*';
  let world: MatrixWorld;
  let seeded: Record<Workspace, SeededRow[]>;

  /** Every row of the world's workspaces as JSON, by key: what "nothing else changed" compares. */
  const snapshot = async () => {
    const rows = await privileged((tx) =>
      tx.query<{ key: string; row: Row }>(
        `select (${key})::text as key, to_jsonb(t) as row from ${spec.table} t where t.tenant_id = any($1)${spec.where ? ` and (${spec.where})` : ''} order by 1`,
        [WORKSPACES.map((w) => world[w].id)],
      ),
    );
    return new Map(rows.map((r) => [r.key, r.row]));
  };
  const stored = (id: string) =>
    privileged((tx) => tx.one<Row>(`select ${columns} from ${spec.table} t where (${key})::text = $1`, [id]));
  const without = (rows: Map<string, Row>, id: string) => new Map([...rows].filter(([k]) => k !== id));

  /** Runs a write as `actor` and checks its outcome on the privileged path. */
  async function tryWrite(
    actor: MatrixActor,
    allowed: boolean,
    write: (tx: Tx) => Promise<Row[]>,
    confirm: (returned: Row[], before: Map<string, Row>, after: Map<string, Row>) => Promise<void>,
  ) {
    const before = await snapshot();
    const result = asMatrixActor(world, actor, write);
    if (allowed) {
      const returned = await result;
      expect(returned).toHaveLength(1);
      await confirm(returned, before, await snapshot());
    } else {
      if (actor === 'anonymous') await expect(result).rejects.toThrow(/permission denied/);
      else await expectNoWrite(result);
      expect(await snapshot()).toEqual(before);
    }
  }

  const targets = (actor: MatrixActor, w: Workspace, scope: Scope): { row: SeededRow; allowed: boolean }[] => {
    const rows = seeded[w];
    const mine = rows.find((r) => r.ownedBy?.includes(actor));
    // Refusal is tried on the actor's own row where it has one: the row it would most likely get.
    if (scope === 'none') return [{ row: mine ?? rows[0]!, allowed: false }];
    if (scope === 'all') return [{ row: rows[0]!, allowed: true }];
    const theirs = rows.find((r) => !r.ownedBy?.includes(actor));
    return [...(mine ? [{ row: mine, allowed: true }] : []), ...(theirs ? [{ row: theirs, allowed: false }] : [])];
  };

  const writers: Partial<
    Record<Exclude<Verb, 'select'>, (actor: MatrixActor, w: Workspace, scope: Scope) => Promise<void>>
  > = {};

  const insert = spec.insert;
  if (insert) {
    writers.insert = async (actor, w, scope) => {
      const attempts = scope === 'own' ? [true, false] : [true];
      for (const mine of attempts) {
        const tenantId = world[w].id;
        const statement = insert(tenantId, { world, workspace: w, tenantId, actor, mine });
        const allowed = scope === 'all' || (scope === 'own' && mine);
        await tryWrite(
          actor,
          allowed,
          (tx) => tx.query<Row>(statement.sql, statement.params),
          async (returned, before, after) => {
            const added = [...after.keys()].filter((k) => !before.has(k));
            expect(added).toHaveLength(1);
            expect(without(after, added[0]!)).toEqual(before);
            expect(after.get(added[0]!)).toMatchObject({ tenant_id: tenantId });
            if (statement.returns) {
              expect(returned[0]).toEqual(statement.returns);
              expect(await stored(added[0]!)).toEqual(returned[0]);
            }
          },
        );
      }
    };
  }

  const update = spec.update;
  if (update) {
    writers.update = async (actor, w, scope) => {
      for (const { row, allowed } of targets(actor, w, scope)) {
        const typedBefore = await stored(row.id);
        await tryWrite(
          actor,
          allowed,
          (tx) => tx.query<Row>(update.sql, [row.id, ...(update.params ?? [])]),
          async (returned, before, after) => {
            expect(without(after, row.id)).toEqual(without(before, row.id));
            expect(after.get(row.id)).toBeDefined();
            expect(after.get(row.id)).not.toEqual(before.get(row.id));
            if (update.returns) {
              expect(returned[0]).toEqual(update.returns(typedBefore!));
              expect(await stored(row.id)).toEqual(returned[0]);
            }
          },
        );
      }
    };
  }

  const remove = spec.delete;
  if (remove) {
    const sql =
      remove === true
        ? `delete from ${spec.table} t where (${key})::text = $1 returning (${key})::text as key`
        : remove.sql;
    writers.delete = async (actor, w, scope) => {
      for (const { row, allowed } of targets(actor, w, scope)) {
        await tryWrite(
          actor,
          allowed,
          (tx) => tx.query<Row>(sql, [row.id]),
          async (returned, before, after) => {
            if (remove === true) expect(returned).toEqual([{ key: row.id }]);
            expect(after).toEqual(without(before, row.id));
            expect(before.has(row.id)).toBe(true);
          },
        );
      }
    };
  }

  describe(`${spec.table}: row-level security per actor`, () => {
    beforeEach(async () => {
      world = await createMatrixWorld();
      seeded = { tenant: [], other: [], region: [] };
      for (const w of WORKSPACES) {
        const tenantId = world[w].id;
        const rows = await privileged((tx) => spec.seed(tx, tenantId, { world, workspace: w, tenantId }));
        seeded[w] = Array.isArray(rows) ? rows : rows ? [{ id: rows.id }] : [];
        if (seeded[w].length === 0) throw new Error(`rlsMatrix(${spec.table}): the seed added no row to ${w}`);
      }
    });

    for (const actor of MATRIX_ACTORS) {
      const expectation = spec.expect[actor];
      const scopes = (verb: Verb) =>
        Object.fromEntries(WORKSPACES.map((w) => [w, scopeOf(expectation, actor, w, verb)])) as Record<
          Workspace,
          Scope
        >;

      describe(MATRIX_ACTOR_LABEL[actor], () => {
        const selectScopes = scopes('select');
        const refused = actor === 'anonymous' && WORKSPACES.every((w) => selectScopes[w] === 'none');
        it(refused ? 'select: is refused' : title('select', selectScopes, actor), async () => {
          const read = asMatrixActor(world, actor, (tx) =>
            tx.query<{ key: string }>(
              `select (${key})::text as key from ${spec.table} t${spec.where ? ` where ${spec.where}` : ''}`,
            ),
          );
          if (refused) {
            await expect(read).rejects.toThrow(REFUSED);
            return;
          }
          const visible = WORKSPACES.flatMap((w) =>
            seeded[w].filter(
              (row) => selectScopes[w] === 'all' || (selectScopes[w] === 'own' && row.ownedBy?.includes(actor)),
            ),
          );
          expect((await read).map((r) => r.key).sort()).toEqual(visible.map((r) => r.id).sort());
        });

        for (const [verb, write] of Object.entries(writers) as [Exclude<Verb, 'select'>, typeof writers.insert][]) {
          const verbScopes = scopes(verb);
          it(title(verb, verbScopes, actor), async () => {
            for (const w of WORKSPACES) await write!(actor, w, verbScopes[w]);
          });
        }
      });
    }
  });
}
