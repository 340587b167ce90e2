import { expect } from 'vitest';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { matchMatrixSeed } from './match-fixtures.ts';

const COLUMNS = 'id, tenant_id, match_id, met_on, minutes, kind::text, version';

const meetings = matchMatrixSeed((m) => [m.meeting]);

/**
 * Owners, admins and coordinators keep every match's meeting log, viewers read it, and a peer
 * reads and logs (adds, changes, removes) meetings only on the matches they are a volunteer on.
 * Nobody sees or touches another workspace's meetings.
 */
rlsMatrix({
  table: 'public.match_meetings',
  columns: COLUMNS,
  seed: meetings.seed,
  insert: (tenantId, { mine }) => {
    const match = meetings.seedOf(tenantId).matches[mine ? 'coLed' : 'others'].id;
    return {
      sql: `insert into public.match_meetings (tenant_id, match_id, met_on, minutes, kind)
            values ($1, $2, date '2026-04-02', 45, 'activity') returning ${COLUMNS}`,
      params: [tenantId, match],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        match_id: match,
        met_on: '2026-04-02',
        minutes: 45,
        kind: 'activity',
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.match_meetings set minutes = 90 where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, minutes: 90, version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    peer: { select: 'own', insert: 'own', update: 'own', delete: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});
