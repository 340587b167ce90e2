import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import type { SaveResult } from '../components/grid/types.ts';
import { formatIsoDate } from '../components/grid/values.ts';
import { ATTENDANCE_CODES } from '../components/matrix/attendance-codes.ts';
import { MatrixGrid } from '../components/matrix/matrix-grid.tsx';
import type { MatrixBatch, MatrixRecord } from '../components/matrix/types.ts';
import { saveRoster } from '../components/roster/roster-client.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { useWorkspace } from './w.$tenant.tsx';

/** A course's attendance: enrolled participants (first names) x sessions, one code per cell. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const parent = params.course ?? '';
  return load(async () => {
    const [{ row: course }, sheet] = await Promise.all([
      api.courses.get({ tenant, id: parent }),
      api.attendance.sheet({ tenant, parent }),
    ]);
    return { course: { id: course.id, name: course.name }, sheet };
  });
}

export const meta = ({ data }: { data?: { course: { name: string } } }) => [
  { title: data ? `${data.course.name} · Brobygger` : 'Brobygger' },
];

type AttendanceRow = { id: string; version: number | null; participantId: string; sessionId: string; status: string };

const toRow = (r: MatrixRecord): AttendanceRow => ({
  id: r.id,
  version: r.version,
  participantId: r.rowId,
  sessionId: r.columnId,
  status: r.value,
});
const toRecord = (r: AttendanceRow): MatrixRecord => ({
  id: r.id,
  version: r.version,
  rowId: r.participantId,
  columnId: r.sessionId,
  value: r.status,
});

/** The matrix speaks in cells, the attendance roster in rows: the same batch save, translated both ways. */
async function saveAttendance(tenant: string, parent: string, batch: MatrixBatch): Promise<SaveResult<MatrixRecord>> {
  const result = (await saveRoster('attendance', {
    tenant,
    parent,
    batchId: batch.batchId,
    upserts: batch.upserts.map(toRow),
    deletes: batch.deletes,
  })) as unknown as SaveResult<AttendanceRow>;
  if (result.ok) return { ...result, rows: result.rows.map(toRecord) };
  return {
    ...result,
    conflicts: result.conflicts.map((c) => ({ id: c.id, server: c.server ? toRecord(c.server) : null })),
  };
}

export default function Attendance() {
  const { t } = useTranslation('courses');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { course, sheet } = useLoaderData<typeof loader>();
  const rows = useMemo(() => sheet.participants.map((p) => ({ id: p.id, label: p.firstName })), [sheet.participants]);
  const columns = useMemo(
    () =>
      sheet.sessions.map((s) => ({
        id: s.id,
        // Day and month fit a narrow column; the year is the course's and rarely in doubt.
        label: formatIsoDate(s.heldOn, locale).slice(0, 5),
        sublabel: s.status === 'cancelled' ? t('status.cancelled') : (s.startsAt ?? undefined),
        readOnly: s.status === 'cancelled',
      })),
    [sheet.sessions, locale, t],
  );
  return (
    <div className="page page-wide">
      <p>
        <Link to={`/w/${workspace.slug}/courses/${course.id}`}>{course.name}</Link>
      </p>
      <h1 id="attendance-title">{t('attendanceTitle', { course: course.name })}</h1>
      <p className="muted">{t('attendanceIntro')}</p>
      {rows.length === 0 ? (
        <p>{t('attendanceNobody')}</p>
      ) : (
        <MatrixGrid
          gridId={`attendance-${course.id}`}
          labelledBy="attendance-title"
          rows={rows}
          columns={columns}
          codes={ATTENDANCE_CODES}
          records={sheet.records}
          canEdit={sheet.canEdit}
          save={(batch) => saveAttendance(workspace.slug, course.id, batch)}
          rowHeaderLabel={t('columns.participantId')}
        />
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
