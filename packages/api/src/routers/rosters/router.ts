import { z } from 'zod';
import { ROSTERS } from '../../rosters/registry.ts';
import type { ExpenseRow, KmRateRow } from '../../rosters/definitions/expenses.ts';
import type { MeetingAttendeeRow, MeetingRow } from '../../rosters/definitions/meetings.ts';
import type {
  AttendanceRow,
  CourseRow,
  CourseSessionRow,
  EnrolmentRow,
  FacilitatorAttendanceRow,
} from '../../rosters/definitions/courses.ts';
import type { ParticipantRow } from '../../rosters/definitions/participants.ts';
import type { VolunteerRow } from '../../rosters/definitions/volunteers.ts';
import { router, tenantProcedure } from '../../trpc.ts';
import { rosterProcedures } from '../roster-procedures.ts';
import { attendanceSheet } from './attendance-sheet.ts';
import { monthExport } from '../expenses/month-export.ts';

const ZDirectoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

/** Every roster's `list` and `save`, from the registry; the volunteers roster adds the peers' directory. */
export const rosterRouters = {
  volunteers: router({
    ...rosterProcedures<VolunteerRow>(ROSTERS.volunteers)._def.procedures,
    /** What a peer sees of the volunteers: the active ones' names and contact details. */
    directory: tenantProcedure
      .output(z.array(ZDirectoryEntry))
      .query(({ ctx }) =>
        ctx.db.tx((tx) =>
          tx.query<z.infer<typeof ZDirectoryEntry>>('select * from app.volunteer_directory($1)', [ctx.tenant.id]),
        ),
      ),
  }),
  participants: rosterProcedures<ParticipantRow>(ROSTERS.participants),
  courses: rosterProcedures<CourseRow>(ROSTERS.courses),
  courseSessions: rosterProcedures<CourseSessionRow>(ROSTERS.courseSessions),
  enrolments: rosterProcedures<EnrolmentRow>(ROSTERS.enrolments),
  attendance: router({
    ...rosterProcedures<AttendanceRow>(ROSTERS.attendance)._def.procedures,
    sheet: attendanceSheet,
  }),
  meetings: rosterProcedures<MeetingRow>(ROSTERS.meetings),
  meetingAttendees: rosterProcedures<MeetingAttendeeRow>(ROSTERS.meetingAttendees),
  expenses: router({
    ...rosterProcedures<ExpenseRow>(ROSTERS.expenses)._def.procedures,
    monthExport,
  }),
  kmRates: rosterProcedures<KmRateRow>(ROSTERS.kmRates),
  facilitatorAttendance: rosterProcedures<FacilitatorAttendanceRow>(ROSTERS.facilitatorAttendance),
};
