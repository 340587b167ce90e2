import { coursesRoster, participantsRoster, volunteersRoster } from '@brobygger/api/rosters';
import { translate } from '@brobygger/i18n';
import { describe, expect, it } from 'vitest';
import { onlyWritable } from '../grid/commands.ts';
import type { GridRow } from '../grid/types.ts';
import { formatValue, parseValue, problemText, type ValueContext } from '../grid/values.ts';
import { gridColumnsOf } from './grid-columns.ts';

const da: ValueContext = { t: translate('da'), locale: 'da' };
const en: ValueContext = { t: translate('en'), locale: 'en' };

const VOLUNTEERS = [
  { id: 'v-anne', label: 'Anne-Mette Lund', detail: 'anne@example.dk' },
  { id: 'v-jens-1', label: 'Jens Madsen', detail: 'jens@example.dk' },
  { id: 'v-jens-2', label: 'Jens Madsen', detail: 'jens.m@example.dk' },
];
const courseColumns = gridColumnsOf(coursesRoster, { facilitatorId: VOLUNTEERS, coFacilitatorId: VOLUNTEERS });
const column = (field: string) => courseColumns.find((c) => c.field === field)!;

describe('gridColumnsOf', () => {
  it('gives every field a column, with headers and option labels that exist in both languages', () => {
    for (const roster of [volunteersRoster, participantsRoster, coursesRoster]) {
      const columns = gridColumnsOf(roster, {}, Object.keys(roster.fields));
      expect(columns.map((c) => c.field)).toEqual(Object.keys(roster.fields));
      for (const c of columns) {
        for (const ctx of [da, en]) {
          expect(ctx.t(c.header), c.header).not.toBe(c.header.split(':')[1]);
          for (const option of c.options ?? []) {
            const key = `${c.optionLabels}.${option}`;
            // i18next answers a missing key with the key itself.
            expect(ctx.t(key), key).not.toBe(key.split(':')[1]);
          }
        }
      }
    }
  });

  it('derives editors from the field kinds', () => {
    const volunteers = gridColumnsOf(volunteersRoster);
    const kinds = Object.fromEntries(volunteers.map((c) => [c.field, [c.type, !!c.nullable]]));
    expect(kinds).toMatchObject({
      name: ['text', false],
      email: ['text', false],
      status: ['select', false],
      recruitedVia: ['select', true],
      startDate: ['date', false],
      recordCheckOk: ['checkbox', true],
      meetsChildrenUnder15: ['checkbox', false],
      shortCourses: ['multiselect', false],
    });
    expect(volunteers.find((c) => c.field === 'name')).toMatchObject({ pinned: true, width: 200 });
  });

  it('marks computed fields read-only and gives lookups their candidates', () => {
    expect(column('sessionsHeld')).toMatchObject({ type: 'number', readOnly: true });
    expect(column('facilitatorId')).toMatchObject({ type: 'lookup', lookupOptions: VOLUNTEERS });
    expect(column('name').readOnly).toBeUndefined();
  });

  it("has only the fields the list procedure says the caller is shown (a viewer's participants)", () => {
    const viewer = gridColumnsOf(participantsRoster, {}, ['firstName', 'referredBy', 'consentGiven', 'status']);
    expect(viewer.map((c) => c.field)).toEqual(['firstName', 'referredBy', 'consentGiven', 'status']);
    expect(viewer.find((c) => c.field === 'consentGiven')).toMatchObject({ type: 'checkbox', readOnly: true });
    // Without a list, a full reader's columns: the viewer's stand-in for the consent date is not one.
    const full = gridColumnsOf(participantsRoster).map((c) => c.field);
    expect(full).toEqual(['firstName', 'birthYear', 'contact', 'referredBy', 'consentOn', 'status', 'note']);
  });
});

describe('lookup cells', () => {
  const facilitator = column('facilitatorId');

  it('resolve typed or pasted text by name or e-mail, ignoring case and spacing', () => {
    expect(parseValue(facilitator, 'anne-mette  lund', da)).toBe('v-anne');
    expect(parseValue(facilitator, 'JENS.M@example.dk', da)).toBe('v-jens-2');
    expect(parseValue(facilitator, '', da)).toBeNull();
    expect(formatValue(facilitator, 'v-anne', da)).toBe('Anne-Mette Lund');
    // An id the caller may not resolve is not shown as an id.
    expect(formatValue(facilitator, '0b9a3c1e-1d2f-4c3b-9a8e-7f6d5c4b3a21', en)).toBe('(hidden)');
  });

  it('keep text that names no one, or several, and explain which', () => {
    expect(parseValue(facilitator, 'Jens Madsen', da)).toBe('Jens Madsen');
    expect(problemText(facilitator, 'Jens Madsen', 'errors:lookup_unknown', en)).toBe(
      'Several match “Jens Madsen”: Jens Madsen (jens@example.dk), Jens Madsen (jens.m@example.dk). Type the e-mail or pick one.',
    );
    expect(parseValue(facilitator, 'Bodil', da)).toBe('Bodil');
    expect(problemText(facilitator, 'Bodil', 'errors:lookup_unknown', da)).toContain('“Bodil”');
    // Other messages are translated as they are.
    expect(problemText(column('name'), '', 'errors:required', en)).toBe(en.t('errors:required'));
  });
});

describe('onlyWritable', () => {
  const rows = new Map<string, GridRow>([
    ['mine', { id: 'mine', version: 1, editable: true }],
    ['theirs', { id: 'theirs', version: 1, editable: false }],
  ]);

  it('drops cells of computed columns and of rows the caller may not change', () => {
    const intent = onlyWritable(
      {
        cells: [
          { id: 'mine', field: 'name', value: 'A' },
          { id: 'mine', field: 'sessionsHeld', value: 9 },
          { id: 'theirs', field: 'name', value: 'B' },
        ],
      },
      courseColumns,
      (id) => rows.get(id),
    );
    expect(intent.cells).toEqual([{ id: 'mine', field: 'name', value: 'A' }]);
  });
});
