import { expect } from 'vitest';
import type { Tx } from '../src/tx.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';

const MEETING_COLUMNS = 'id, tenant_id, kind, held_on::text, topic, minutes, version';
const ATTENDEE_COLUMNS = 'id, tenant_id, meeting_id, volunteer_id, version';

/** Every member reads meetings and minutes (peers too); editors write; a viewer only reads. */
const MEETING_EXPECTATIONS = {
  owner: 'edit',
  admin: 'edit',
  coordinator: 'edit',
  peer: 'read',
  viewer: 'read',
  stranger: 'edit',
  regionMember: 'edit',
  twoHats: { tenant: 'edit', other: 'read' },
  anonymous: 'none',
} as const;

/**
 * Volunteer meetings and their minutes: written for the volunteers who were absent, so every
 * member of the workspace reads them; owners, admins and coordinators add, change and remove them.
 * The association's owner and the region's admin see only their own workspace's meetings.
 */
rlsMatrix({
  table: 'public.volunteer_meetings',
  columns: MEETING_COLUMNS,
  seed: (tx, tenantId) =>
    tx.one<{ id: string }>(
      "insert into public.volunteer_meetings (tenant_id, kind, held_on, topic, minutes) values ($1, 'monthly_meeting', date '2026-10-06', 'Efterårets hold', 'Vi talte om tavshedspligt.') returning id",
      [tenantId],
    ),
  insert: (tenantId) => ({
    sql: `insert into public.volunteer_meetings (tenant_id, kind, held_on, minutes) values ($1, 'supervision', date '2026-11-03', 'Supervision med psykolog') returning ${MEETING_COLUMNS}`,
    params: [tenantId],
    returns: {
      id: expect.any(String),
      tenant_id: tenantId,
      kind: 'supervision',
      held_on: '2026-11-03',
      topic: null,
      minutes: 'Supervision med psykolog',
      version: 1,
    },
  }),
  update: {
    sql: `update public.volunteer_meetings set minutes = 'Referat rettet' where id = $1 returning ${MEETING_COLUMNS}`,
    returns: (before) => ({ ...before, minutes: 'Referat rettet', version: 2 }),
  },
  delete: true,
  expect: MEETING_EXPECTATIONS,
});

/** Per workspace: a meeting, and a volunteer who has not been marked as attending it yet. */
const spare = new Map<string, { meeting: string; volunteer: string }>();
const id = async (tx: Tx, sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;

/** Who attended follows the meetings: every member reads it, editors change it. */
rlsMatrix({
  table: 'public.volunteer_meeting_attendees',
  columns: ATTENDEE_COLUMNS,
  seed: async (tx, tenantId) => {
    const meeting = await id(
      tx,
      "insert into public.volunteer_meetings (tenant_id, held_on) values ($1, date '2026-10-06') returning id",
      [tenantId],
    );
    const volunteer = (name: string) =>
      id(tx, "insert into public.volunteers (tenant_id, name, status) values ($1, $2, 'active') returning id", [
        tenantId,
        name,
      ]);
    const came = await volunteer('Anna');
    spare.set(tenantId, { meeting, volunteer: await volunteer('Bo') });
    return tx.one<{ id: string }>(
      'insert into public.volunteer_meeting_attendees (tenant_id, meeting_id, volunteer_id) values ($1, $2, $3) returning id',
      [tenantId, meeting, came],
    );
  },
  insert: (tenantId) => {
    const { meeting, volunteer } = spare.get(tenantId)!;
    return {
      sql: `insert into public.volunteer_meeting_attendees (tenant_id, meeting_id, volunteer_id) values ($1, $2, $3) returning ${ATTENDEE_COLUMNS}`,
      params: [tenantId, meeting, volunteer],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        meeting_id: meeting,
        volunteer_id: volunteer,
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.volunteer_meeting_attendees a set volunteer_id = (
            select v.id from public.volunteers v where v.tenant_id = a.tenant_id and v.name = 'Bo')
          where a.id = $1 returning ${ATTENDEE_COLUMNS}`,
    returns: (before) => ({ ...before, volunteer_id: expect.any(String), version: 2 }),
  },
  delete: true,
  expect: MEETING_EXPECTATIONS,
});
