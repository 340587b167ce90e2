import { describe, expect, it } from 'vitest';
import {
  courseSessions,
  defineRoster,
  deriveRoster,
  field,
  participants,
  snakeCase,
  volunteers,
} from '../src/rosters/index.ts';

describe('a roster definition', () => {
  it('derives the row schema, the defaults and the SQL column map from its fields', () => {
    expect(volunteers.newRow()).toMatchObject({
      name: '',
      status: 'applicant',
      peerEducation: 'none',
      shortCourses: [],
      recordCheckOk: null,
      meetsChildrenUnder15: false,
    });
    expect(volunteers.columns.find((c) => c.field === 'statusChangedOn')).toEqual({
      field: 'statusChangedOn',
      column: 'status_changed_on',
      sqlType: 'date',
    });
    expect(volunteers.columns.find((c) => c.field === 'status')?.sqlType).toBe('public.volunteer_status');
    expect(Object.keys(volunteers.fieldsSchema.shape)).toEqual(volunteers.columns.map((c) => c.field));
  });

  it('leaves computed fields out of what a save accepts', () => {
    expect(courseSessions.columns.map((c) => c.field)).not.toContain('present');
    const parsed = courseSessions.fieldsSchema.parse({ ...courseSessions.newRow(), heldOn: '2026-01-08', present: 4 });
    expect(parsed).not.toHaveProperty('present');
  });

  it('reads times as HH:MM and refuses what is not a time', () => {
    const time = field.time().schema;
    expect(time.parse('18.30')).toBe('18:30');
    expect(time.parse('7:05:00')).toBe('07:05');
    expect(time.parse('')).toBeNull();
    expect(time.safeParse('25:00').error?.issues[0]?.message).toBe('errors:invalid_time');
  });

  it('says why a number is refused', () => {
    const birthYear = participants.fieldsSchema.shape.birthYear;
    expect(birthYear.safeParse('abc').error?.issues[0]?.message).toBe('errors:invalid_number');
    expect(birthYear.safeParse(1850).error?.issues[0]?.message).toBe('errors:invalid_birth_year');
    expect(birthYear.safeParse(null).success).toBe(true);
    const places = field.number({ sqlType: 'smallint', required: true, min: 1 }).schema;
    expect(places.safeParse(null).error?.issues[0]?.message).toBe('errors:required');
    expect(places.safeParse(0).error?.issues[0]?.message).toBe('errors:out_of_range');
  });

  it('refuses a label field or import key that is not one of its fields', () => {
    const fields = { name: field.text({ max: 10 }) };
    expect(() =>
      defineRoster({
        name: 'x',
        table: 'public.x',
        namespace: 'x',
        orderBy: 't.id',
        fields,
        labelField: 'nope' as 'name',
      }),
    ).toThrow(/labelField/);
    expect(() =>
      defineRoster({
        name: 'x',
        table: 'public.x',
        namespace: 'x',
        orderBy: 't.id',
        fields,
        labelField: 'name',
        importKeys: ['nope' as 'name'],
      }),
    ).toThrow(/import key/);
    expect(
      deriveRoster(
        defineRoster({ name: 'x', table: 'public.x', namespace: 'x', orderBy: 't.id', fields, labelField: 'name' }),
      ).columns,
    ).toEqual([{ field: 'name', column: 'name', sqlType: 'text' }]);
  });

  it('names columns in snake_case', () => {
    expect(snakeCase('meetsChildrenUnder15')).toBe('meets_children_under_15');
    expect(snakeCase('coFacilitatorId')).toBe('co_facilitator_id');
  });
});
