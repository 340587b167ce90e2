import { z } from 'zod';

/** A calendar month as YYYY-MM, the value of an `<input type="month">`. */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'errors:invalid_month');

export const ZMonthExportInput = z.object({ month: ZMonth });

/** One approved expense as bookkeeping needs it: who, when, what for, and what it costs. */
export const ZExportedExpense = z.object({
  id: z.string(),
  volunteer: z.string(),
  spentOn: z.string(),
  kind: z.enum(['transport', 'other']),
  purpose: z.string(),
  km: z.number().nullable(),
  rate: z.number().nullable(),
  amount: z.number().nullable(),
});
export type ExportedExpense = z.infer<typeof ZExportedExpense>;

export const ZMonthExport = z.object({
  month: z.string(),
  rows: z.array(ZExportedExpense),
  /** The month's sum in DKK; a transport expense dated before the first rate counts nothing. */
  total: z.number(),
});
export type MonthExport = z.infer<typeof ZMonthExport>;
