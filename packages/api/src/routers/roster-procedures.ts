import { z } from 'zod';
import { fail } from '../errors.ts';
import type { FieldDef } from '../rosters/kit/fields.ts';
import type { DerivedRoster } from '../rosters/kit/define.ts';
import { ZRowId, ZRowVersion } from '../rosters/fields.ts';
import type { Tx } from '@brobygger/db';
import { rosterRepository, type LookupOption, type RosterScope } from '../rosters/repository.ts';
import { zSaveInput, type SaveResult } from '../rosters/save.ts';
import { ROSTERS } from '../rosters/registry.ts';
import { logAccess } from '../access-log.ts';
import { isHeldJsonText } from '../json-text.ts';
import { shownIn, type ReadView } from '../rosters/kit/define.ts';
import { grantOf } from '../permissions.ts';
import { planLimits } from '../billing/plan-limits.ts';
import { requirePermission, router, tenantProcedure, type TenantContext } from '../trpc.ts';

/** Rows are checked against the shared schema inside the procedure, so errors carry row ids. */
const ZLooseRow = z.object({ id: ZRowId, version: ZRowVersion }).loose();

/**
 * Rows leave the API as the repository read them. The output is declared, but checked only for
 * shape: parsing every field of 10,000 rows again on the way out would double a save's API time.
 */
const zRows = <Row>() => z.array(z.custom<Row>((v) => typeof v === 'object' && v !== null && 'id' in v));
/** `list`'s rows: as above, or passed through as JSON text (json-text.ts), which only HTTP serialises. */
const zListedRows = <Row>() => {
  const rows = zRows<Row>();
  return z.custom<Row[]>((v) => (Array.isArray(v) ? rows.safeParse(v).success : isHeldJsonText(v)));
};

/**
 * `list`'s optional limit: only the first rows in the roster's order, for a page that draws its
 * first screenful before the rest has been read (docs/decisions/017). Rows read are rows read:
 * a limited read of a logged roster is logged like any other, for the rows it returned.
 */
const ZListLimit = z.number().int().min(1).max(500);

const ZLookupOption = z.object({ id: z.string(), label: z.string(), detail: z.string().nullable() });
const ZRowError = z.object({ id: z.string(), field: z.string(), message: z.string() });

/** What the caller may do with the rows of one roster; the grid shows its buttons from this. */
const ZAccess = z.object({
  add: z.boolean(),
  edit: z.boolean(),
  delete: z.boolean(),
  /** Fields the caller sees but may not change (their `editAction` is not granted on every row). */
  readOnly: z.array(z.string()).optional(),
});
export type RosterAccess = z.infer<typeof ZAccess>;

/** Whether reading a roster's rows is personal data the access log records. */
const isLogged = (rosterName: string) =>
  !!(ROSTERS as Record<string, DerivedRoster | undefined>)[rosterName]?.definition.accessLogged;

/** The roster's lookup fields that point into a logged roster, by name. */
const loggedLookupsOf = (roster: DerivedRoster) =>
  (Object.entries(roster.definition.fields) as [string, FieldDef][])
    .filter(([, f]) => f.lookup && isLogged(f.lookup.roster))
    .map(([name]) => name);

/**
 * The ids of logged rows (participants) a read returns: the roster's own rows if it is logged,
 * and, for each lookup field pointing into a logged roster, the rows named and the candidates.
 */
function loggedIdsOf(roster: DerivedRoster, rows: Record<string, unknown>[], lookups: Record<string, LookupOption[]>) {
  const ids: string[] = roster.definition.accessLogged ? rows.map((r) => String(r.id)) : [];
  for (const name of loggedLookupsOf(roster)) {
    for (const row of rows) if (typeof row[name] === 'string') ids.push(row[name]);
    for (const option of lookups[name] ?? []) ids.push(option.id);
  }
  return ids;
}

/**
 * `list` and `save` for one roster, from its definition alone. A child roster takes its parent's
 * id as `parent`; it must be a row the caller can see, and it scopes every statement.
 */
export function rosterProcedures<Row extends { id: string; version: number | null; editable?: boolean }>(
  roster: DerivedRoster,
) {
  const repo = rosterRepository<Row>(roster);
  const isChild = !!roster.definition.parent;
  const ZScope = isChild ? z.object({ parent: ZRowId }) : z.object({ parent: z.undefined().optional() });
  const scopeOf = (tenant: TenantContext, input: object): RosterScope => ({
    tenantId: tenant.id,
    parentId: (input as { parent?: string }).parent,
  });
  const hasLookups = (Object.values(roster.definition.fields) as FieldDef[]).some((f) => f.lookup);
  const editAction = roster.definition.editAction ?? 'roster.edit';
  /** An `own` grant counts only where the roster says which rows are the caller's. */
  const allowOwn = !!roster.definition.rowEditable;
  /**
   * Whether `list` has to look into its rows: to log reads of personal data, or to tell from the
   * rows' `editable` whether an own-rows grantee may edit. Otherwise, over HTTP, the rows pass
   * through as the JSON text Postgres writes (json-text.ts).
   */
  const listReadsRows = allowOwn || !!roster.definition.accessLogged || loggedLookupsOf(roster).length > 0;

  const fieldNames = Object.keys(roster.definition.fields);
  const partialRead = roster.definition.partialRead;
  /** A role without the roster's full-read action sees the partial view (decision 015). */
  const viewOf = (tenant: TenantContext): ReadView =>
    partialRead && grantOf(tenant.role, partialRead.fullRead) !== 'all' ? 'partial' : 'full';
  const fieldsShownIn = (view: ReadView) =>
    fieldNames.filter((name) => shownIn(roster.definition.fields[name] as FieldDef, view));

  const accessOf = (tenant: TenantContext, rows: Row[], ownParent = false, workspaceReadOnly = false): RosterAccess => {
    // A closed or suspended workspace (decision 028): the grid shows, exports, and edits nothing.
    if (workspaceReadOnly) return { add: false, edit: false, delete: false };
    const readOnly = fieldNames.filter((name) => {
      const action = (roster.definition.fields[name] as FieldDef).editAction;
      return action && grantOf(tenant.role, action) !== 'all';
    });
    const restricted = readOnly.length ? { readOnly } : {};
    const grant = grantOf(tenant.role, editAction);
    if (grant === 'all') return { add: true, edit: true, delete: true, ...restricted };
    // Own rows only (a peer on the course they facilitate): edit those, add or delete none,
    // unless the parent is theirs too and the roster says that is enough (`parentEditable`), or
    // the roster lets them add their own rows (a peer's expenses; `ownRowsAddable`).
    const own = grant === 'own' && allowOwn;
    if (own && ownParent) return { add: true, edit: true, delete: true, ...restricted };
    const add = own && !!roster.definition.ownRowsAddable;
    return { add, edit: add || (own && rows.some((r) => r.editable)), delete: false, ...restricted };
  };
  /** Whether an `own` grantee may add and delete under this parent; asked only when it matters. */
  const ownParentOf = (tx: Tx, tenant: TenantContext, scope: RosterScope) =>
    allowOwn && grantOf(tenant.role, editAction) === 'own' ? repo.parentEditable(tx, scope) : false;

  return router({
    list: tenantProcedure
      .input(ZScope.extend({ limit: ZListLimit.optional() }))
      .output(
        z.object({
          rows: zListedRows<Row>(),
          lookups: z.record(z.string(), z.array(ZLookupOption)),
          access: ZAccess,
          /** The fields the caller is shown, in the definition's order; the grid has only these columns. */
          fields: z.array(z.string()),
        }),
      )
      .query(({ ctx, input, path }) =>
        ctx.db.tx(async (tx) => {
          const scope = scopeOf(ctx.tenant, input);
          if (!(await repo.parentVisible(tx, scope))) fail('parent_not_found');
          const view = viewOf(ctx.tenant);
          const fields = fieldsShownIn(view);
          const lookups: Record<string, LookupOption[]> = hasLookups ? await repo.lookups(tx, scope) : {};
          const ownParent = await ownParentOf(tx, ctx.tenant, scope);
          if (ctx.jsonText && !listReadsRows) {
            const rows = ctx.jsonText.hold(await repo.listJson(tx, scope, view, input.limit)) as Row[];
            return { rows, lookups, access: accessOf(ctx.tenant, [], ownParent, ctx.lifecycle.readOnly), fields };
          }
          const rows = await repo.list(tx, scope, view, input.limit);
          await logAccess(tx, scope.tenantId, path, loggedIdsOf(roster, rows, lookups));
          return { rows, lookups, access: accessOf(ctx.tenant, rows, ownParent, ctx.lifecycle.readOnly), fields };
        }),
      ),

    /** One row, e.g. the course a page is about; not found when the caller may not see it. */
    get: tenantProcedure
      .input(ZScope.extend({ id: ZRowId }))
      .output(z.object({ row: z.custom<Row>(), access: ZAccess, fields: z.array(z.string()) }))
      .query(({ ctx, input, path }) =>
        ctx.db.tx(async (tx) => {
          const view = viewOf(ctx.tenant);
          const [row] = await repo.byIds(tx, scopeOf(ctx.tenant, input), [input.id], view);
          if (!row) return fail('row_not_found');
          await logAccess(tx, ctx.tenant.id, path, loggedIdsOf(roster, [row], {}));
          return {
            row,
            access: accessOf(ctx.tenant, [row], false, ctx.lifecycle.readOnly),
            fields: fieldsShownIn(view),
          };
        }),
      ),

    /** One grid save: all rows or none, every existing row version-checked. */
    save: tenantProcedure
      .input(zSaveInput(ZLooseRow).extend(ZScope.shape))
      .use(planLimits(roster))
      .output(
        z.discriminatedUnion('ok', [
          z.object({ ok: z.literal(true), rows: zRows<Row>(), deleted: z.array(z.string()) }),
          z.object({
            ok: z.literal(false),
            conflicts: z.array(z.object({ id: z.string(), server: z.custom<Row>().nullable() })),
            errors: z.array(ZRowError),
          }),
        ]),
      )
      .mutation(async ({ ctx, input, path }): Promise<SaveResult<Row>> => {
        requirePermission(ctx.tenant, editAction, { allowOwn });
        const scope = scopeOf(ctx.tenant, input);
        if (isChild && !(await ctx.db.tx((tx) => repo.parentVisible(tx, scope)))) fail('parent_not_found');
        const result = await repo.saveAll(ctx.db.tx, scope, input);
        // A conflict shows the caller the row as someone else saved it: a read like any other.
        if (!result.ok) {
          const shown = result.conflicts.flatMap((c) => (c.server ? [c.server] : []));
          const ids = loggedIdsOf(roster, shown, {});
          if (ids.length) await ctx.db.tx((tx) => logAccess(tx, scope.tenantId, path, ids));
        }
        return result;
      }),
  });
}
