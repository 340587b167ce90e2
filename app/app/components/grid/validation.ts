import type { GridRow } from './types.ts';

/** Field name → i18n key of the first problem with it. */
export type FieldErrors = ReadonlyMap<string, string>;

/**
 * The part of a zod schema the grid uses. The page passes its shared field schema
 * (`ZVolunteerFields`), the same one the server validates with, so both agree on every message.
 */
export type RowSchema = {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

const NONE: FieldErrors = new Map();

/** Our schemas name an i18n key in every message; anything else (zod's own type errors) gets a general one. */
export const messageKey = (message: string) => (message.startsWith('errors:') ? message : 'errors:invalid_value');

/**
 * Validates the whole row, as the server will, and files each issue under the field it is about:
 * the first path segment, so an unknown option inside a multiselect marks the multiselect cell.
 */
export function validateRow(schema: RowSchema, row: GridRow): FieldErrors {
  const { id: _id, version: _version, ...fields } = row;
  const result = schema.safeParse(fields);
  if (result.success) return NONE;
  const errors = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!errors.has(field)) errors.set(field, messageKey(issue.message));
  }
  return errors;
}

/** Validation per row object: rows are immutable snapshots, so an unchanged row is not parsed twice. */
export class RowValidator {
  private readonly cache = new WeakMap<GridRow, FieldErrors>();

  constructor(private readonly schema: RowSchema) {}

  errorsOf(row: GridRow): FieldErrors {
    let errors = this.cache.get(row);
    if (!errors) this.cache.set(row, (errors = validateRow(this.schema, row)));
    return errors;
  }
}

export type Problem = { id: string; field: string; message: string };

/**
 * Everything wrong with what Save would send: the schema's findings on each row (these block
 * Save), then what the server said last time about cells not edited since (these do not: the
 * server will judge again).
 */
export function problemsOf(
  upserts: readonly GridRow[],
  serverErrors: ReadonlyMap<string, ReadonlyMap<string, string>>,
  validator: RowValidator,
): { problems: Problem[]; blocking: number } {
  const problems: Problem[] = [];
  for (const row of upserts) {
    for (const [field, message] of validator.errorsOf(row)) problems.push({ id: row.id, field, message });
  }
  const blocking = problems.length;
  for (const [id, fields] of serverErrors) {
    for (const [field, message] of fields) {
      if (!problems.some((p) => p.id === id && p.field === field)) problems.push({ id, field, message });
    }
  }
  return { problems, blocking };
}
