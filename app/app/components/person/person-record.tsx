import type { DerivedRoster } from '@brobygger/api/rosters';
import { useFieldText } from './field-text.ts';

/** One row of a roster as a list of labels and values, in the definition's order. */
export function PersonRecord({
  roster,
  row,
  fields,
}: {
  roster: DerivedRoster;
  row: Record<string, unknown>;
  fields: readonly string[];
}) {
  const text = useFieldText(roster);
  return (
    <dl className="person-record">
      {fields.map((field) => (
        <div key={field}>
          <dt>{text.label(field)}</dt>
          <dd>{text.value(field, row[field])}</dd>
        </div>
      ))}
    </dl>
  );
}
