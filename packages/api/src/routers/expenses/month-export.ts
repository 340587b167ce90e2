import { EXPENSE_AMOUNT_SQL, EXPENSE_RATE_SQL } from '../../rosters/definitions/expenses.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZMonthExport, ZMonthExportInput, type ExportedExpense } from './schemas.ts';

/**
 * The approved expenses of one month for bookkeeping, by volunteer and date, priced like the
 * roster prices them (the km rate valid on each expense's date). Only those who read every
 * expense export; rejected and undecided ones are not money to pay out yet.
 */
export const monthExport = tenantProcedure
  .input(ZMonthExportInput)
  .output(ZMonthExport)
  .query(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'expenses.read');
    return ctx.db.tx(async (tx) => {
      const rows = await tx.query<ExportedExpense>(
        `select t.id, v.name as volunteer, t.spent_on as "spentOn", t.kind::text as kind, t.purpose,
                t.km::float8 as km, ${EXPENSE_RATE_SQL}::float8 as rate, ${EXPENSE_AMOUNT_SQL}::float8 as amount
         from public.expenses t
         join public.volunteers v on v.tenant_id = t.tenant_id and v.id = t.volunteer_id
         where t.tenant_id = $1 and t.status = 'approved'
           and t.spent_on >= to_date($2, 'YYYY-MM') and t.spent_on < to_date($2, 'YYYY-MM') + interval '1 month'
         order by v.name collate "da-DK-x-icu", t.spent_on, t.id`,
        [ctx.tenant.id, input.month],
      );
      // Summed in øre, so 0.1 + 0.2 does not leave a stray fraction in the file.
      const total = rows.reduce((sum, r) => sum + Math.round((r.amount ?? 0) * 100), 0) / 100;
      return { month: input.month, rows, total };
    });
  });
