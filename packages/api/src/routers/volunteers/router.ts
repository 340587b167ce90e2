import { rosterRepository, type ColumnMap } from '../../rosters/repository.ts';
import { ZVolunteerRow, type VolunteerRow } from '../../rosters/volunteer.ts';
import { router, tenantProcedure } from '../../trpc.ts';
import { can } from '../../permissions.ts';
import { rosterSaveProcedure } from '../roster-procedures.ts';

/** The columns a volunteer save writes, by API field (also what the benchmark upserts). */
export const VOLUNTEER_COLUMNS: ColumnMap[] = [
  { field: 'name', column: 'name', sqlType: 'text' },
  { field: 'email', column: 'email', sqlType: 'text' },
  { field: 'phone', column: 'phone', sqlType: 'text' },
  { field: 'status', column: 'status', sqlType: 'public.volunteer_status' },
  { field: 'statusChangedOn', column: 'status_changed_on', sqlType: 'date' },
  { field: 'startDate', column: 'start_date', sqlType: 'date' },
  { field: 'recruitedVia', column: 'recruited_via', sqlType: 'text' },
  { field: 'intakeOn', column: 'intake_on', sqlType: 'date' },
  { field: 'confidentialitySignedOn', column: 'confidentiality_signed_on', sqlType: 'date' },
  { field: 'recordCheckOn', column: 'record_check_on', sqlType: 'date' },
  { field: 'recordCheckOk', column: 'record_check_ok', sqlType: 'boolean' },
  { field: 'meetsChildrenUnder15', column: 'meets_children_under_15', sqlType: 'boolean' },
  { field: 'peerEducation', column: 'peer_education', sqlType: 'public.peer_education' },
  { field: 'peerEducationProvider', column: 'peer_education_provider', sqlType: 'text' },
  { field: 'shortCourses', column: 'short_courses', sqlType: 'text[]' },
  { field: 'note', column: 'note', sqlType: 'text' },
];

export const volunteersRepo = rosterRepository<VolunteerRow>({
  table: 'public.volunteers',
  rowSchema: ZVolunteerRow,
  orderBy: 't.name, t.id',
  columns: VOLUNTEER_COLUMNS,
});

export const volunteersRouter = router({
  /** The roster; a peer gets only the directory of active volunteers (name and contact). */
  list: tenantProcedure.query(async ({ ctx }) => {
    if (ctx.tenant.role === 'peer') {
      const directory = await ctx.db.tx((tx) =>
        tx.query<{ id: string; name: string; email: string | null; phone: string | null }>(
          'select * from app.volunteer_directory($1)',
          [ctx.tenant.id],
        ),
      );
      return { rows: [] as VolunteerRow[], directory, canEdit: false };
    }
    const rows = await ctx.db.tx((tx) => volunteersRepo.list(tx, ctx.tenant.id));
    return { rows, directory: null, canEdit: can(ctx.tenant.role, 'roster.edit') };
  }),

  save: rosterSaveProcedure(volunteersRepo),
});
