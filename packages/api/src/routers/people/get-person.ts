import type { Tx } from '@brobygger/db';
import { z } from 'zod';
import { logAccess } from '../../access-log.ts';
import { fail } from '../../errors.ts';
import { can, grantOf } from '../../permissions.ts';
import { shownIn, type DerivedRoster, type ReadView } from '../../rosters/kit/define.ts';
import type { FieldDef } from '../../rosters/kit/fields.ts';
import { ROSTERS } from '../../rosters/registry.ts';
import { rosterRepository } from '../../rosters/repository.ts';
import { tenantProcedure, type TenantContext } from '../../trpc.ts';
import { enrolledCourses, facilitatedCourses } from './person-courses.ts';
import { rowHistory } from './person-history.ts';
import { personMatches } from './person-matches.ts';
import { ZPersonInput, ZPersonPage } from './schemas.ts';

type Row = { id: string; version: number | null };

const isUuid = (id: string) => z.uuid().safeParse(id).success;

const fieldsShownIn = (roster: DerivedRoster, view: ReadView) =>
  Object.entries(roster.definition.fields as Record<string, FieldDef>)
    .filter(([, f]) => shownIn(f, view))
    .map(([name]) => name);

/** Who may read a person's history: the audit trail's readers, and for participants only full readers. */
const mayReadHistory = (tenant: TenantContext, roster: DerivedRoster) => {
  const fullRead = roster.definition.partialRead?.fullRead;
  return can(tenant.role, 'audit.read') && (!fullRead || can(tenant.role, fullRead));
};

/**
 * A participant by first name, for a caller who may not read the roster (a peer): only one on a
 * course or a match of their own, through the directory that names them in the grids.
 */
async function participantOfOwn(tx: Tx, tenantId: string, id: string): Promise<Row | undefined> {
  const [row] = await tx.query<Row & { firstName: string }>(
    `select l.id, null::int as version, l.label as "firstName" from app.participant_lookup($1) l where l.id = $2`,
    [tenantId, id],
  );
  return row;
}

const volunteersRepo = rosterRepository<Row>(ROSTERS.volunteers);
const participantsRepo = rosterRepository<Row>(ROSTERS.participants);

/**
 * One volunteer's page: the row as the volunteers roster shows it, the courses they facilitate,
 * their history. Not found for anyone who may not read the roster (peers), and for an id of
 * another workspace: row-level security and the workspace scope see to both.
 */
export const getVolunteer = tenantProcedure
  .input(ZPersonInput)
  .output(ZPersonPage)
  .query(({ ctx, input }) =>
    ctx.db.tx(async (tx) => {
      const roster = ROSTERS.volunteers;
      const tenantId = ctx.tenant.id;
      const [row] = isUuid(input.id) ? await volunteersRepo.byIds(tx, { tenantId }, [input.id]) : [];
      if (!row) return fail('row_not_found');
      return {
        row,
        fields: fieldsShownIn(roster, 'full'),
        courses: await facilitatedCourses(tx, tenantId, row.id),
        matches: await personMatches(tx, tenantId, 'volunteers', row.id),
        history: mayReadHistory(ctx.tenant, roster) ? await rowHistory(tx, tenantId, roster, row.id) : null,
      };
    }),
  );

/**
 * One participant's page, in the view the participants roster gives the caller (decision 016):
 * in full, the viewers' summary, or, for a peer, the first name of a participant on their own
 * course. Every read is written to the access log.
 */
export const getParticipant = tenantProcedure
  .input(ZPersonInput)
  .output(ZPersonPage)
  .query(({ ctx, input, path }) =>
    ctx.db.tx(async (tx) => {
      const roster = ROSTERS.participants;
      const tenantId = ctx.tenant.id;
      if (!isUuid(input.id)) return fail('row_not_found');
      const fullRead = roster.definition.partialRead!.fullRead;
      const readsRoster = can(ctx.tenant.role, 'roster.read');
      const view: ReadView = grantOf(ctx.tenant.role, fullRead) === 'all' ? 'full' : 'partial';
      const [row] = readsRoster
        ? await participantsRepo.byIds(tx, { tenantId }, [input.id], view)
        : [await participantOfOwn(tx, tenantId, input.id)];
      if (!row) return fail('row_not_found');
      await logAccess(tx, tenantId, path, [row.id]);
      return {
        row,
        fields: readsRoster ? fieldsShownIn(roster, view) : [roster.definition.labelField],
        courses: await enrolledCourses(tx, tenantId, row.id),
        matches: await personMatches(tx, tenantId, 'participants', row.id),
        history: mayReadHistory(ctx.tenant, roster) ? await rowHistory(tx, tenantId, roster, row.id) : null,
      };
    }),
  );
