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
  }, request);
}

export const meta = ({ data }: { data?: { course: { name: string } } }) => [
  { title: data ? `${data.course.name} · Brobygger` : 'Brobygger' },
];

/** A cell of a matrix as its roster stores it: the row's own field (participant or volunteer), the session, the code. */
type CellRow = { id: string; version: number | null; sessionId: string; status: string } & Record<string, unknown>;

/**
 * The matrix speaks in cells, the attendance rosters in rows: the same batch save, translated
 * both ways. `rowField` names the roster's row column (participantId, volunteerId).
 */
function matrixSaver(roster: 'attendance' | 'facilitatorAttendance', rowField: string) {
  const toRow = (r: MatrixRecord): CellRow => ({
    id: r.id,
    version: r.version,
    [rowField]: r.rowId,
    sessionId: r.columnId,
    status: r.value,
  });
  const toRecord = (r: CellRow): MatrixRecord => ({
    id: r.id,
    version: r.version,
    rowId: String(r[rowField]),
    columnId: r.sessionId,
    value: r.status,
  });
  return async (tenant: string, parent: string, batch: MatrixBatch): Promise<SaveResult<MatrixRecord>> => {
    const result = (await saveRoster(roster, {
      tenant,
      parent,
      batchId: batch.batchId,
      upserts: batch.upserts.map(toRow),
      deletes: batch.deletes,
    })) as unknown as SaveResult<CellRow>;
    if (result.ok) return { ...result, rows: result.rows.map(toRecord) };
    return {
      ...result,
      conflicts: result.conflicts.map((c) => ({ id: c.id, server: c.server ? toRecord(c.server) : null })),
    };
  };
}

const saveAttendance = matrixSaver('attendance', 'participantId');
const saveFacilitators = matrixSaver('facilitatorAttendance', 'volunteerId');

/** A facilitator is there or not; a cancelled session is locked anyway. */
const FACILITATOR_CODES = ATTENDANCE_CODES.filter((c) => c.value === 'present' || c.value === 'absent');

export default function Attendance() {
  const { t } = useTranslation('courses');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { course, sheet } = useLoaderData<typeof loader>();
  const rows = useMemo(() => sheet.participants.map((p) => ({ id: p.id, label: p.firstName })), [sheet.participants]);
  const facilitators = useMemo(
    () => sheet.facilitators.map((f) => ({ id: f.id, label: f.name })),
    [sheet.facilitators],
  );
  const noShow = useMemo(() => ({ value: 'no_show', label: t('noShowRate') }), [t]);
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
          share={noShow}
        />
      )}
      <h2 id="facilitators-title">{t('facilitatorsTitle')}</h2>
      {facilitators.length === 0 ? (
        <p>{t('facilitatorsNone')}</p>
      ) : (
        <MatrixGrid
          gridId={`facilitators-${course.id}`}
          labelledBy="facilitators-title"
          rows={facilitators}
          columns={columns}
          codes={FACILITATOR_CODES}
          records={sheet.facilitatorRecords}
          canEdit={sheet.canEdit}
          save={(batch) => saveFacilitators(workspace.slug, course.id, batch)}
          rowHeaderLabel={t('columns.volunteerId')}
        />
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
