import { NEW_PARTICIPANT, NEW_VOLUNTEER, ZParticipantFields, ZVolunteerFields } from '@brobygger/api/rosters';
import { createI18n } from '@brobygger/i18n';
import { describe, expect, it } from 'vitest';
import type { GridRow } from './types.ts';
import { validateRow } from './validation.ts';
import { parseValue } from './values.ts';

const volunteer = (fields: Record<string, unknown>): GridRow => ({
  id: 'x',
  version: null,
  ...NEW_VOLUNTEER,
  name: 'Anna',
  ...fields,
});
const participant = (fields: Record<string, unknown>): GridRow => ({
  id: 'y',
  version: null,
  ...NEW_PARTICIPANT,
  firstName: 'Bo',
  ...fields,
});

describe('validateRow', () => {
  it('passes a valid row', () => {
    expect(validateRow(ZVolunteerFields, volunteer({ email: 'anna@example.dk', startDate: '2024-01-31' })).size).toBe(
      0,
    );
  });

  it('files each issue under its field, as an i18n key', () => {
    const errors = validateRow(
      ZVolunteerFields,
      volunteer({ name: null, email: 'ikke en mail', startDate: '31-02-2024', note: 'CPR 010203-1234' }),
    );
    expect(Object.fromEntries(errors)).toEqual({
      name: 'errors:required',
      email: 'errors:invalid_email',
      startDate: 'errors:invalid_date',
      note: 'errors:cpr_not_allowed',
    });
  });

  it('marks the multiselect cell for an unknown option inside it', () => {
    const errors = validateRow(ZVolunteerFields, volunteer({ shortCourses: ['first_aid', 'Basket'] }));
    expect(Object.fromEntries(errors)).toEqual({ shortCourses: 'errors:invalid_choice' });
  });

  it('gives zod’s own type messages a general key', () => {
    expect(Object.fromEntries(validateRow(ZVolunteerFields, volunteer({ recordCheckOk: 'måske' })))).toEqual({
      recordCheckOk: 'errors:invalid_value',
    });
  });

  it('reads pasted text the way the schema expects it', () => {
    const ctx = { t: createI18n('da').t, locale: 'da' as const };
    const [birthYear, courses, check] = [
      { field: 'birthYear', header: '', type: 'number' },
      {
        field: 'shortCourses',
        header: '',
        type: 'multiselect',
        options: ['first_aid', 'recovery'],
        optionLabels: 'volunteers:shortCourses',
      },
      { field: 'recordCheckOk', header: '', type: 'checkbox', nullable: true },
    ] as const;
    expect(parseValue(courses, 'Førstehjælp, recovery', ctx)).toEqual(['first_aid', 'recovery']);
    expect(parseValue(check, 'ja', ctx)).toBe(true);
    expect(validateRow(ZParticipantFields, participant({ birthYear: parseValue(birthYear, '1.985', ctx) })).size).toBe(
      0,
    );
    expect(
      Object.fromEntries(
        validateRow(ZParticipantFields, participant({ birthYear: parseValue(birthYear, 'halvfjerds', ctx) })),
      ),
    ).toEqual({
      birthYear: 'errors:invalid_number',
    });
    expect(Object.fromEntries(validateRow(ZParticipantFields, participant({ birthYear: 1850 })))).toEqual({
      birthYear: 'errors:invalid_birth_year',
    });
  });
});
