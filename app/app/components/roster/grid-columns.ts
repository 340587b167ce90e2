import { shownIn, type FieldDef, type RosterDefinition } from '@brobygger/api/rosters';
import type { ColumnType, GridColumn, LookupOption } from '../grid/types.ts';

/** How the grid edits each kind of field. */
const TYPE_OF: Record<FieldDef['kind'], ColumnType> = {
  text: 'text',
  email: 'text',
  time: 'text',
  date: 'date',
  option: 'select',
  multiOption: 'multiselect',
  boolean: 'checkbox',
  number: 'number',
  lookup: 'lookup',
  computed: 'text',
};

const COMPUTED_TYPE: Record<NonNullable<FieldDef['computed']>['shows'], ColumnType> = {
  text: 'text',
  number: 'number',
  date: 'date',
  boolean: 'checkbox',
};

/** A lookup cell's link: only for a saved reference to a row the caller was offered (not typed text). */
const linkToLookup =
  (roster: string, options: readonly LookupOption[], pageOf: (roster: string, id: string) => string | undefined) =>
  (value: unknown) =>
    typeof value === 'string' && options.some((o) => o.id === value) ? pageOf(roster, value) : undefined;

/**
 * The grid's columns, derived from a roster definition: header and option labels from the
 * roster's namespace (`<ns>:columns.<field>`, `<ns>:<field>.<option>`), editors from the field
 * kinds, and for lookups the candidates the list procedure returned. Only the fields the caller
 * is shown get a column (`shown`, from the list procedure: a viewer sees fewer participant
 * fields); without it, those a full reader sees. Fields in `readOnly` (the list procedure's
 * `access.readOnly`: an expense's status for a peer) are shown but not edited.
 */
export function gridColumnsOf(
  definition: Pick<RosterDefinition, 'namespace' | 'fields'>,
  lookups: Readonly<Record<string, readonly LookupOption[]>> = {},
  shown?: readonly string[],
  readOnly: readonly string[] = [],
  /** The page of a row a lookup names (a person's), when the caller may open it. */
  pageOf?: (roster: string, id: string) => string | undefined,
): GridColumn<Record<string, unknown>>[] {
  const ns = definition.namespace;
  const fields = (Object.entries(definition.fields) as [string, FieldDef][]).filter(([name, f]) =>
    shown ? shown.includes(name) : shownIn(f, 'full'),
  );
  return fields.map(([name, f]) => ({
    field: name,
    header: `${ns}:columns.${name}`,
    type: f.computed ? COMPUTED_TYPE[f.computed.shows] : TYPE_OF[f.kind],
    ...(f.options ? { options: f.options, optionLabels: `${ns}:${name}` } : {}),
    ...(f.kind === 'boolean' && f.nullable ? { nullable: true } : {}),
    ...(f.kind === 'option' && !f.required ? { nullable: true } : {}),
    ...(f.precision ? { precision: f.precision } : {}),
    ...(f.width ? { width: f.width } : {}),
    ...(f.pinned ? { pinned: true } : {}),
    ...(f.computed || readOnly.includes(name) ? { readOnly: true } : {}),
    ...(f.lookup ? { lookupOptions: lookups[name] ?? [] } : {}),
    ...(f.lookup && pageOf ? { linkTo: linkToLookup(f.lookup.roster, lookups[name] ?? [], pageOf) } : {}),
    ...(f.importAliases ? { importAliases: f.importAliases } : {}),
  }));
}
