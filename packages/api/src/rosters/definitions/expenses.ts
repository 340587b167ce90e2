import { defineRoster, deriveRoster, type RowOf } from '../kit/define.ts';
import { field } from '../kit/fields.ts';

export const EXPENSE_KINDS = ['transport', 'other'] as const;
export const EXPENSE_STATUSES = ['submitted', 'approved', 'rejected'] as const;

/** The per-km rate valid on an expense's date (SQL over alias `t`): the latest valid_from on or before it. */
const RATE_SQL = "(case when t.kind = 'transport' then app.km_rate_at(t.tenant_id, t.spent_on) end)";

/**
 * What a transport expense costs is km times the rate valid on its date, rounded to øre; any
 * other outlay is its amount. Shared by the roster and the monthly export.
 */
export const EXPENSE_AMOUNT_SQL = `(case when t.kind = 'transport' then round(t.km * ${RATE_SQL}, 2) else t.amount end)`;
export const EXPENSE_RATE_SQL = RATE_SQL;

/**
 * Volunteers' transport and other outlays. A peer enters their own (a blank volunteer is theirs,
 * filled in by the database) and changes them until a coordinator approves or rejects them; only
 * those who may approve change the status. Editors and viewers see every expense.
 */
export const expensesRoster = defineRoster({
  name: 'expenses',
  table: 'public.expenses',
  namespace: 'expenses',
  orderBy: 't.spent_on desc, t.created_at desc, t.id',
  labelField: 'purpose',
  editAction: 'expenses.submit',
  rowEditable: "app.can_on_expense('expenses.submit', t.tenant_id, t.volunteer_id, t.status)",
  ownRowsAddable: true,
  rowRules: (row) => [
    ...(row.kind === 'transport' && row.km == null ? [{ field: 'km' as const, message: 'errors:required' }] : []),
    ...(row.kind === 'other' && row.amount == null ? [{ field: 'amount' as const, message: 'errors:required' }] : []),
  ],
  // What a peer types on a phone comes first; who and the rate follow the total and the status.
  fields: {
    spentOn: field.date({ required: true, pinned: true, importAliases: ['Dato', 'Date'] }),
    kind: field.option(EXPENSE_KINDS, { required: true, default: 'transport', sqlType: 'public.expense_kind' }),
    km: field.number({ sqlType: 'numeric', min: 0.1, max: 5000, precision: 1, width: 90 }),
    amount: field.number({ sqlType: 'numeric', min: 0.01, max: 100000, precision: 2, width: 110 }),
    purpose: field.text({ required: true, max: 300, width: 260, importAliases: ['Formål', 'Purpose'] }),
    total: field.computed<number>({ shows: 'number', sql: `${EXPENSE_AMOUNT_SQL}::float8`, width: 110 }),
    status: field.option(EXPENSE_STATUSES, {
      required: true,
      default: 'submitted',
      sqlType: 'public.expense_status',
      editAction: 'expenses.approve',
      width: 130,
    }),
    volunteerId: field.lookup(
      {
        directory: 'app.own_volunteer_lookup',
        roster: 'volunteers',
        table: 'public.volunteers',
        label: 'l.name',
        detail: 'l.email',
      },
      { width: 190, importAliases: ['Frivillig', 'Volunteer'] },
    ),
    rate: field.computed<number>({ shows: 'number', sql: `${RATE_SQL}::float8`, width: 90 }),
  },
});

/** The per-km rate by the date it applies from: a workspace setting kept as a history. */
export const kmRatesRoster = defineRoster({
  name: 'kmRates',
  table: 'public.km_rates',
  namespace: 'settings',
  orderBy: 't.valid_from desc, t.id',
  labelField: 'validFrom',
  editAction: 'settings.manage',
  fields: {
    validFrom: field.date({ required: true, pinned: true, importAliases: ['Fra', 'From'] }),
    rate: field.number({ sqlType: 'numeric', required: true, min: 0.01, max: 99.99, precision: 2 }),
    current: field.computed<boolean>({
      shows: 'boolean',
      sql: `(t.valid_from = (select max(r.valid_from) from public.km_rates r
               where r.tenant_id = t.tenant_id and r.valid_from <= (now() at time zone 'Europe/Copenhagen')::date))`,
    }),
  },
});

export const expenses = deriveRoster(expensesRoster);
export const kmRates = deriveRoster(kmRatesRoster);
export type ExpenseRow = RowOf<typeof expensesRoster.fields>;
export type KmRateRow = RowOf<typeof kmRatesRoster.fields>;
