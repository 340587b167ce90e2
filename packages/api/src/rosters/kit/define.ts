import * as z from 'zod/mini';
import { ZRowId, ZRowVersion } from '../fields.ts';
import type { Action } from '../../permissions.ts';
import type { FieldDef } from './fields.ts';

/**
 * One roster, declared once: its table, where it hangs, its fields. The row schema, the SQL
 * column map, the grid columns, import aliases and export are all derived from this object
 * (`deriveRoster`, the repository, the app's `gridColumnsOf`). The security of a roster lives in
 * its migration's policies; a definition never replaces them.
 */
export type RosterDefinition<Fields extends Record<string, FieldDef> = Record<string, FieldDef>> = {
  /** The roster's name in the API and in URLs' procedure calls, e.g. `volunteers`. */
  name: string;
  /** The table, schema-qualified. */
  table: string;
  /** i18n namespace of its texts: `<ns>:columns.<field>`, `<ns>:<field>.<option>`. */
  namespace: string;
  /**
   * Where a child roster hangs: the parent's table and the column that names it. The parent id
   * comes from the URL and is fixed by the server; it is never an editable field.
   */
  parent?: { table: string; column: string };
  fields: Fields;
  /** SQL order over alias `t`; text is compared in Danish collation. */
  orderBy: string;
  /** The field that names a row in messages and lookups ("Anna Jensen"). */
  labelField: Extract<keyof Fields, string>;
  /** Fields an import may match existing rows on, most specific first (e-mail, then name). */
  importKeys?: readonly Extract<keyof Fields, string>[];
  /**
   * Per-row edit right: an SQL boolean over alias `t`, evaluated for the caller. Rows where it
   * is false are shown read-only and refused on save. Absent: the caller's role decides alone.
   */
  rowEditable?: string;
  /**
   * For a child roster with per-row rights: an SQL boolean over the parent row, alias `p`, saying
   * whether the caller may add and delete rows under it (a peer logging meetings on their own
   * match). Mirror the insert and delete policies. Absent: only the caller's role may add.
   */
  parentEditable?: string;
  /**
   * Fields that name a row besides its id (attendance: the session and the participant). Two
   * people who each create "the same" row get a conflict showing the other's row, not an error.
   */
  naturalKey?: readonly Extract<keyof Fields, string>[];
  /** The named action that changes this roster (default `roster.edit`); its `own` grant goes with `rowEditable`. */
  editAction?: Action;
  /**
   * Roles with an `own` grant of `editAction` may add rows too (a peer enters their own expenses);
   * the insert policy decides which rows are theirs. Without it, they only edit existing rows.
   */
  ownRowsAddable?: boolean;
  /**
   * Rules across fields (a transport expense needs km, another outlay an amount): each problem
   * names the field it shows on and an i18n key. The grid and the API check them with the schema.
   */
  rowRules?: (row: FieldsOf<Fields>) => { field: Extract<keyof Fields, string>; message: string }[];
  /**
   * A roster some of its readers see only in part (participants, decision 015). Callers whose role
   * lacks `fullRead` read `source(workspace)` instead of the table: a security-definer function
   * returning `tenant_id`, `id`, `version` and one column per field they are shown (fields
   * without `shownTo: 'full'`), named like the field's column. Computed fields are then
   * evaluated over the function's row, alias `t`.
   */
  partialRead?: { fullRead: Action; source: string };
  /**
   * Reads of this roster's rows are personal data and written to the access log: its own rows,
   * and its ids wherever a lookup field of another roster points into it.
   */
  accessLogged?: boolean;
  /**
   * A column in which each row keeps its own JSON text as the full view lists it (id, version and
   * every field), written by a trigger of the table's migration: the list reads it instead of
   * converting every value again (docs/decisions/037). Only for rosters whose rows read the same
   * for every caller: no computed fields and no per-row edit rights. A test holds the text equal
   * to the full view's select list.
   *
   * `reader` lists those texts in the roster's order: a function of the workspace and a row
   * limit (null for all), running as the caller, that reads them from the index kept in that order
   * rather than sorting (docs/decisions/038). A test holds its rows and order equal to the select
   * list's. Not for child rosters: the reader takes no parent.
   */
  listedJson?: { column: string; reader: string };
};

/** How much of a roster a caller reads: all of it, or what `partialRead` allows. */
export type ReadView = 'full' | 'partial';

/** Whether a field is shown in a view of its roster. */
export const shownIn = (def: Pick<FieldDef, 'shownTo'>, view: ReadView) => !def.shownTo || def.shownTo === view;

type EditableKeys<F extends Record<string, FieldDef>> = {
  [K in keyof F]: F[K]['schema'] extends null ? never : K;
}[keyof F];

type ComputedKeys<F extends Record<string, FieldDef>> = Exclude<keyof F, EditableKeys<F>>;

/** The zod shape of the editable fields. */
type FieldsShape<F extends Record<string, FieldDef>> = { [K in EditableKeys<F>]: NonNullable<F[K]['schema']> };

/** What a row of the roster holds: editable fields as parsed, computed fields as read. */
export type RowOf<F extends Record<string, FieldDef>> = z.infer<z.ZodMiniObject<FieldsShape<F>>> & {
  [K in ComputedKeys<F>]: F[K]['default'];
} & { id: string; version: number | null; editable?: boolean };

export type FieldsOf<F extends Record<string, FieldDef>> = z.infer<z.ZodMiniObject<FieldsShape<F>>>;

/** snake_case of a camelCase field name: `statusChangedOn` -> `status_changed_on`. */
export const snakeCase = (name: string) => name.replace(/[A-Z0-9]+/g, (m) => `_${m.toLowerCase()}`);

/** The name a roster's grid saves its layout under: snake_case, as grid_preferences requires. */
export const gridIdOf = (rosterName: string) => snakeCase(rosterName);

/** Checks a definition as it is declared, so a mistake fails at import rather than on a save. */
export function defineRoster<const F extends Record<string, FieldDef>>(
  definition: RosterDefinition<F>,
): RosterDefinition<F> {
  const names = Object.keys(definition.fields);
  if (!names.includes(definition.labelField))
    throw new Error(`${definition.name}: labelField ${definition.labelField} is not a field`);
  for (const key of definition.importKeys ?? []) {
    if (!names.includes(key)) throw new Error(`${definition.name}: import key ${key} is not a field`);
  }
  return definition;
}

/** An editable field and its column, as the repository writes them. */
export type ColumnMap = { field: string; column: string; sqlType: string };

export const columnOf = (name: string, def: FieldDef) => def.column ?? snakeCase(name);

/** Everything derived from a definition that both the browser and the server use. */
export function deriveRoster<F extends Record<string, FieldDef>>(definition: RosterDefinition<F>) {
  const entries = Object.entries(definition.fields) as [Extract<keyof F, string>, FieldDef][];
  if (definition.listedJson && (definition.rowEditable || entries.some(([, def]) => def.computed)))
    throw new Error(`${definition.name}: listedJson is for rows that read the same for every caller`);
  if (definition.listedJson && definition.parent)
    throw new Error(`${definition.name}: listedJson's reader lists a workspace, not a parent's rows`);
  const editable = entries.filter(([, def]) => def.schema !== null);
  const shape = Object.fromEntries(editable.map(([name, def]) => [name, def.schema])) as FieldsShape<F>;
  const fieldsObject = z.object(shape);
  // Rules across fields (a km expense needs km): checked wherever the row schema is, grid and API.
  const withRules = <S extends z.ZodMiniType>(schema: S): S => {
    const rules = definition.rowRules;
    if (!rules) return schema;
    return schema.check(
      z.superRefine((row, ctx) => {
        for (const problem of rules(row as FieldsOf<F>))
          ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
      }),
    ) as S;
  };
  const fieldsSchema = withRules(fieldsObject);
  const rowSchema = withRules(z.extend(fieldsObject, { id: ZRowId, version: ZRowVersion }));
  const defaults = Object.fromEntries(editable.map(([name, def]) => [name, def.default])) as FieldsOf<F>;
  const columns: ColumnMap[] = editable.map(([name, def]) => ({
    field: name,
    column: columnOf(name, def),
    sqlType: def.sqlType,
  }));
  return {
    definition,
    /** The editable fields; the grid validates each row with it, the API again. */
    fieldsSchema,
    /** A row as the API accepts it in a save: the fields plus id and the version it was loaded at. */
    rowSchema,
    /** A new row's values. */
    newRow: () => ({ ...defaults }),
    columns,
  };
}

/** Any derived roster, as the repository and the procedures take it (they need no field types). */
export type DerivedRoster = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any roster's own field record
  definition: RosterDefinition<any>;
  fieldsSchema: z.ZodMiniType;
  rowSchema: z.ZodMiniType;
  newRow: () => Record<string, unknown>;
  columns: ColumnMap[];
};
