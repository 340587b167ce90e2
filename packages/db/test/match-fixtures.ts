import { createWorld, privileged } from '../src/testing/index.ts';
import type { Tx } from '../src/tx.ts';
import type { MatrixContext, SeededRow } from '../src/testing/rls-matrix.ts';

/**
 * One workspace's matches, as the match tests need them, written on the privileged path.
 * `linkedUserId`'s account is linked to the volunteer `peer`, who is the volunteer of `led` and
 * the second volunteer of `coLed`; `others` is between a participant and volunteers linked to
 * nobody. Each match has one logged meeting. `spare` is a participant on no match.
 */
export type MatchSeed = {
  tenantId: string;
  volunteers: { peer: string; colleague: string; third: string };
  participants: Record<MatchName | 'spare', string>;
  matches: Record<MatchName, { id: string; meeting: string }>;
};
export type MatchName = 'led' | 'coLed' | 'others';

export const MATCH_NAMES: MatchName[] = ['led', 'coLed', 'others'];
/** The matches the linked account is on (as volunteer or as second volunteer). */
export const OWN_MATCHES: MatchName[] = ['led', 'coLed'];

export async function seedMatches(tx: Tx, tenantId: string, linkedUserId: string | null): Promise<MatchSeed> {
  const id = async (sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;
  const volunteer = (name: string, userId: string | null) =>
    id("insert into public.volunteers (tenant_id, name, status, user_id) values ($1, $2, 'active', $3) returning id", [
      tenantId,
      name,
      userId,
    ]);
  const participant = (firstName: string) =>
    id('insert into public.participants (tenant_id, first_name, birth_year) values ($1, $2, 1990) returning id', [
      tenantId,
      firstName,
    ]);

  const volunteers = {
    peer: await volunteer('Frida', linkedUserId),
    colleague: await volunteer('Kim', null),
    third: await volunteer('Lone', null),
  };
  const participants = {
    led: await participant('Mette'),
    coLed: await participant('Jonas'),
    others: await participant('Sara'),
    spare: await participant('Bo'),
  };
  const teams: Record<MatchName, [string, string | null]> = {
    led: [volunteers.peer, null],
    coLed: [volunteers.colleague, volunteers.peer],
    others: [volunteers.colleague, volunteers.third],
  };
  const matches = {} as MatchSeed['matches'];
  for (const name of MATCH_NAMES) {
    const [volunteerId, coVolunteerId] = teams[name];
    const match = await id(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, co_volunteer_id, starts_on, status)
       values ($1, $2, $3, $4, date '2026-03-01', 'active') returning id`,
      [tenantId, participants[name], volunteerId, coVolunteerId],
    );
    const meeting = await id(
      "insert into public.match_meetings (tenant_id, match_id, met_on, minutes, kind) values ($1, $2, date '2026-03-10', 60, 'walk') returning id",
      [tenantId, match],
    );
    matches[name] = { id: match, meeting };
  }
  return { tenantId, volunteers, participants, matches };
}

/**
 * An rlsMatrix seed over `seedMatches`: every workspace gets the same matches, the peer's account
 * linked in each; only in the municipality, where they are a peer, does that make a match theirs.
 * `rowsOf` picks the table's rows of a match; those of the peer's matches are marked as theirs.
 */
export function matchMatrixSeed(rowsOf: (match: MatchSeed['matches'][MatchName]) => string[]) {
  const seeds = new Map<string, MatchSeed>();
  const seed = async (tx: Tx, tenantId: string, { world }: MatrixContext): Promise<SeededRow[]> => {
    const s = await seedMatches(tx, tenantId, world.users.peer.id);
    seeds.set(tenantId, s);
    return MATCH_NAMES.flatMap((name) =>
      rowsOf(s.matches[name]).map((id) => (OWN_MATCHES.includes(name) ? { id, ownedBy: ['peer' as const] } : { id })),
    );
  };
  return { seed, seedOf: (tenantId: string) => seeds.get(tenantId)! };
}

/** `createWorld` with matches in the municipality and the association, the peer linked in both. */
export async function createMatchWorld() {
  const world = await createWorld();
  const seeds = {
    tenant: await privileged((tx) => seedMatches(tx, world.tenant.id, world.users.peer.id)),
    other: await privileged((tx) => seedMatches(tx, world.other.id, world.users.peer.id)),
  };
  return { world, seeds };
}
