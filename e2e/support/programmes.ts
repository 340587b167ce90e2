import type pg from 'pg';
import type { Workspace } from '../fixtures.ts';

/** Links a course to a programme, as choosing it in the courses grid's Programme column does. */
export async function linkCourse(db: pg.Client, workspace: Workspace, courseId: string, programmeId: string) {
  await db.query('update public.courses set programme_id = $3 where tenant_id = $1 and id = $2', [
    workspace.id,
    courseId,
    programmeId,
  ]);
}

/** Programmes go before the workspace does: its courses still name them. */
export async function removeProgrammes(db: pg.Client, workspace: Workspace) {
  await db.query('update public.courses set programme_id = null where tenant_id = $1', [workspace.id]);
  await db.query('delete from public.programmes where tenant_id = $1', [workspace.id]);
}
