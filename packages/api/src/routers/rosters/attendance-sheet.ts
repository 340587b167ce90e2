import { z } from 'zod';
import { logAccess } from '../../access-log.ts';
import { fail } from '../../errors.ts';
import { tenantProcedure } from '../../trpc.ts';

const ZRecord = z.object({
  id: z.string(),
  version: z.number(),
  rowId: z.string(),
  columnId: z.string(),
  value: z.string(),
});

const ZSheet = z.object({
  sessions: z.array(
    z.object({ id: z.string(), heldOn: z.string(), startsAt: z.string().nullable(), status: z.string() }),
  ),
  participants: z.array(z.object({ id: z.string(), firstName: z.string() })),
  records: z.array(ZRecord),
  /** The course's facilitating volunteers (and anyone whose presence was recorded), by name. */
  facilitators: z.array(z.object({ id: z.string(), name: z.string() })),
  facilitatorRecords: z.array(ZRecord),
  canEdit: z.boolean(),
});
export type AttendanceSheet = z.infer<typeof ZSheet>;

/**
 * Everything the attendance matrix of one course shows: its sessions (columns), its enrolled
 * participants by first name (rows), one record per filled cell, and whether the caller may
 * record; and the same for the facilitators' own presence. Read under RLS: a peer gets names and
 * records only for a course they facilitate. The participants' names are personal data: the read
 * goes to the access log.
 */
export const attendanceSheet = tenantProcedure
  .input(z.object({ parent: z.uuid() }))
  .output(ZSheet)
  .query(({ ctx, input, path }) =>
    ctx.db.tx(async (tx) => {
      const params = [ctx.tenant.id, input.parent];
      const course = await tx.one<{ canEdit: boolean }>(
        `select app.can_on_course('attendance.record', c.tenant_id, c.id) as "canEdit" from public.courses c where c.tenant_id = $1 and c.id = $2`,
        params,
      );
      if (!course) return fail('parent_not_found');
      const participants = await tx.query<{ id: string; firstName: string }>(
        'select id, first_name as "firstName" from app.course_participants($1, $2)',
        params,
      );
      await logAccess(
        tx,
        ctx.tenant.id,
        path,
        participants.map((p) => p.id),
      );
      const records = await tx.query<AttendanceSheet['records'][number]>(
        `select id, version, participant_id as "rowId", session_id as "columnId", status::text as value
         from public.attendance where tenant_id = $1 and course_id = $2`,
        params,
      );
      const facilitators = await tx.query<{ id: string; name: string }>(
        `select v.id, v.label as name from app.volunteer_lookup($1) v
         where v.id in (select unnest(array[c.facilitator_id, c.co_facilitator_id]) from public.courses c where c.tenant_id = $1 and c.id = $2)
            or v.id in (select f.volunteer_id from public.facilitator_attendance f where f.tenant_id = $1 and f.course_id = $2)
         order by v.label collate "da-DK-x-icu", v.id`,
        params,
      );
      const facilitatorRecords = await tx.query<AttendanceSheet['records'][number]>(
        `select id, version, volunteer_id as "rowId", session_id as "columnId", status as value
         from public.facilitator_attendance where tenant_id = $1 and course_id = $2`,
        params,
      );
      return {
        sessions: await sessionsOf(),
        participants,
        records,
        facilitators,
        facilitatorRecords,
        canEdit: course.canEdit,
      };

      function sessionsOf() {
        return tx.query<AttendanceSheet['sessions'][number]>(
          `select id, to_char(held_on, 'YYYY-MM-DD') as "heldOn", to_char(starts_at, 'HH24:MI') as "startsAt", status::text as status
           from public.course_sessions where tenant_id = $1 and course_id = $2 order by held_on, starts_at nulls first, id`,
          params,
        );
      }
    }),
  );
