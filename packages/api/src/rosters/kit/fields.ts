import * as z from 'zod/mini';
import {
  optionalDate,
  optionalEmail,
  optionalEnum,
  optionalText,
  preprocess,
  requiredText,
  isCalendarDate,
} from '../fields.ts';
import type { Action } from '../../permissions.ts';

/**
 * The field builders a roster definition is written with. Each builder returns everything the
 * rest of the app derives from one field: its zod schema (shared by the grid and the API), its
 * SQL column and type, how the grid shows and edits it, its default for a new row, and the extra
 * names an import may know it by. Browser-safe: `zod/mini` only (docs/decisions/017).
 */

/** How the grid edits a field. `lookup` picks a row of another roster; nothing edits `computed`. */
export type FieldKind =
  'text' | 'email' | 'date' | 'time' | 'option' | 'multiOption' | 'boolean' | 'number' | 'lookup' | 'computed';

/** What every builder accepts besides its own settings. */
export type FieldOptions = {
  /** SQL column; by default the field name in snake_case. */
  column?: string;
  /** Grid column width in pixels; the grid picks one per kind otherwise. */
  width?: number;
  /** Kept on screen while scrolling sideways (the column that names a row). */
  pinned?: boolean;
  /** Extra header names an imported file may use for this field, in any language. */
  importAliases?: readonly string[];
  /**
   * Who sees the field, in a roster that some readers see only in part (its definition's
   * `partialRead`): `full` readers only (a participant's contact), `partial` readers only (a
   * summary standing in for a hidden field), or both (the default).
   */
  shownTo?: 'full' | 'partial';
  /**
   * Only roles granted this action on every row change the field (an expense's status: those who
   * approve); for everyone else the grid shows it read-only. The database enforces the same.
   */
  editAction?: Action;
};

/** Another roster a lookup field points into; its rows are offered by label, e-mail or the like. */
export type LookupTarget = {
  /** Name of the target roster (its definition's `name`), for the grid to find the candidates. */
  roster: string;
  /** The target table and the SQL expressions (over alias `l`) of a candidate's label and detail. */
  table: string;
  label: string;
  detail?: string;
  /** Only these rows are offered (SQL over alias `l`), e.g. not stopped volunteers. */
  where?: string;
  /**
   * A security-definer function (workspace id) -> (id, label, detail) for callers who may not
   * read the target table but may know the names, e.g. peers and `app.volunteer_directory`.
   */
  directory?: string;
};

export type FieldDef<Schema extends z.ZodMiniType | null = z.ZodMiniType | null, Value = unknown> = FieldOptions & {
  kind: FieldKind;
  /** Validates the field in the browser and on the server; null for computed (read-only) fields. */
  schema: Schema;
  /** SQL type used to read the JSON the API writes (`jsonb_to_recordset`). */
  sqlType: string;
  /** A new row's value. */
  default: Value;
  required: boolean;
  options?: readonly string[];
  /** Whether a yes/no field may be left unknown (null) rather than false. */
  nullable?: boolean;
  /** Decimals a number editor accepts. */
  precision?: number;
  lookup?: LookupTarget;
  /** Computed fields: the SQL expression over alias `t`, and the kind of value it gives. */
  computed?: { sql: string; shows: ComputedShows };
};

/** The kind of value a computed field gives. */
export type ComputedShows = 'text' | 'number' | 'date' | 'boolean';

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

export const field = {
  text<R extends boolean = false>(opts: FieldOptions & { max: number; required?: R }) {
    const required = (opts.required ?? false) as R;
    return {
      ...opts,
      kind: 'text' as const,
      schema: (required ? requiredText(opts.max) : optionalText(opts.max)) as R extends true
        ? ReturnType<typeof requiredText>
        : ReturnType<typeof optionalText>,
      sqlType: 'text',
      default: (required ? '' : null) as R extends true ? string : string | null,
      required,
    };
  },

  email(opts: FieldOptions = {}) {
    return {
      ...opts,
      kind: 'email' as const,
      schema: optionalEmail,
      sqlType: 'text',
      default: null as string | null,
      required: false,
    };
  },

  date<R extends boolean = false>(opts: FieldOptions & { required?: R } = {}) {
    const required = (opts.required ?? false) as R;
    const schema = required
      ? z
          .string({ error: 'errors:required' })
          .check(z.minLength(1, 'errors:required'), z.refine(isCalendarDate, 'errors:invalid_date'))
      : optionalDate;
    return {
      ...opts,
      kind: 'date' as const,
      schema: schema as R extends true ? z.ZodMiniType<string> : typeof optionalDate,
      sqlType: 'date',
      default: null as R extends true ? string : string | null,
      required,
    };
  },

  /** A time of day as HH:MM (18.30 and 18:30:00 are read as 18:30). */
  time(opts: FieldOptions = {}) {
    const schema = preprocess(
      (v) => {
        if (v === '' || v === undefined || v === null) return null;
        const m = typeof v === 'string' ? /^\s*(\d{1,2})[:.](\d{2})(?::\d{2})?\s*$/.exec(v) : null;
        return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v;
      },
      z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors:invalid_time'))),
    );
    return { ...opts, kind: 'time' as const, schema, sqlType: 'time', default: null as string | null, required: false };
  },

  /**
   * One of a fixed list. A required option starts at `default` (or the first option); the list
   * must equal the column's enum or check constraint (a test reads the catalogue).
   */
  option<const T extends readonly [string, ...string[]], R extends boolean = false>(
    options: T,
    opts: FieldOptions & { required?: R; default?: T[number]; sqlType?: string } = {},
  ) {
    const required = (opts.required ?? false) as R;
    const schema = required ? z.enum(options, { error: 'errors:invalid_choice' }) : optionalEnum(options);
    return {
      ...opts,
      kind: 'option' as const,
      options,
      schema: schema as R extends true ? z.ZodMiniEnum<{ [K in T[number]]: K }> : ReturnType<typeof optionalEnum<T>>,
      sqlType: opts.sqlType ?? 'text',
      default: (required ? (opts.default ?? options[0]) : null) as R extends true ? T[number] : T[number] | null,
      required,
    };
  },

  /** Any number of a fixed list, stored as a text array. */
  multiOption<const T extends readonly [string, ...string[]]>(options: T, opts: FieldOptions = {}) {
    return {
      ...opts,
      kind: 'multiOption' as const,
      options,
      schema: z.array(z.enum(options, { error: 'errors:invalid_choice' })).check(z.maxLength(options.length)),
      sqlType: 'text[]',
      default: [] as T[number][],
      required: false,
    };
  },

  boolean<N extends boolean = false>(opts: FieldOptions & { nullable?: N } = {}) {
    const nullable = (opts.nullable ?? false) as N;
    return {
      ...opts,
      kind: 'boolean' as const,
      nullable,
      schema: (nullable ? z.nullable(z.boolean()) : z.boolean()) as N extends true
        ? z.ZodMiniNullable<z.ZodMiniBoolean>
        : z.ZodMiniBoolean,
      sqlType: 'boolean',
      default: (nullable ? null : false) as N extends true ? boolean | null : boolean,
      required: false,
    };
  },

  /** A whole number (or `precision` decimals) within bounds; `max` may be a function (this year). */
  number<R extends boolean = false>(
    opts: FieldOptions & {
      sqlType: 'smallint' | 'integer' | 'numeric';
      required?: R;
      min?: number;
      max?: number | (() => number);
      precision?: number;
      /** The message when out of bounds; default `errors:out_of_range`. */
      rangeError?: string;
    },
  ) {
    const required = (opts.required ?? false) as R;
    const rangeError = opts.rangeError ?? 'errors:out_of_range';
    const { min, max } = opts;
    const bounded = z
      .number({ error: (issue) => (issue.input == null ? 'errors:required' : 'errors:invalid_number') })
      .check(
        ...(opts.precision ? [] : [z.int('errors:invalid_number')]),
        ...(min === undefined ? [] : [z.minimum(min, rangeError)]),
        ...(max === undefined
          ? []
          : [z.refine<number>((n) => n <= (typeof max === 'function' ? max() : max), rangeError)]),
      );
    const schema = required ? preprocess(blankToNull, bounded) : preprocess(blankToNull, z.nullable(bounded));
    return {
      ...opts,
      kind: 'number' as const,
      schema: schema as unknown as R extends true ? z.ZodMiniType<number> : z.ZodMiniType<number | null>,
      default: null as R extends true ? number : number | null,
      required,
    };
  },

  /**
   * A row of another roster of the same workspace, stored as its id. The grid shows the label,
   * and resolves typed or pasted text by label or detail (e-mail); a composite foreign key keeps
   * the reference inside the workspace.
   */
  lookup<R extends boolean = false>(target: LookupTarget, opts: FieldOptions & { required?: R } = {}) {
    const required = (opts.required ?? false) as R;
    const id = z.uuid({ error: 'errors:lookup_unknown' });
    const schema = required
      ? preprocess(
          blankToNull,
          z.uuid({ error: (i) => (i.input == null ? 'errors:required' : 'errors:lookup_unknown') }),
        )
      : preprocess(blankToNull, z.nullable(id));
    return {
      ...opts,
      kind: 'lookup' as const,
      lookup: target,
      schema: schema as unknown as R extends true ? z.ZodMiniType<string> : z.ZodMiniType<string | null>,
      sqlType: 'uuid',
      default: null as R extends true ? string : string | null,
      required,
    };
  },

  /** Read-only, computed by the database when rows are read (a planned end, a rate). */
  computed<V = string | number | boolean | null>(opts: FieldOptions & { sql: string; shows: ComputedShows }) {
    const { sql, shows, ...rest } = opts;
    return {
      ...rest,
      kind: 'computed' as const,
      computed: { sql, shows },
      schema: null,
      sqlType: shows === 'number' ? 'numeric' : shows,
      default: null as V | null,
      required: false,
    };
  },
};
