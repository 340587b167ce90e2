import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { matches, matchMeetings } from '../src/rosters/index.ts';
import { callerFor } from './helpers.ts';

/**
 * Companionship through the API: matching help (who is suggested, in which order, to whom), a
 * match proposed from a suggestion, and a peer who sees and logs only their own matches.
 */
let world: World;
let api: ReturnType<typeof callerFor>['api'];
let tenant: string;

type Volunteer = {
  status?: string;
  signed?: boolean;
  checked?: boolean | null;
  userId?: string;
  tenantId?: string;
};

/** A volunteer; by default one who may be matched (active, agreement signed, record check OK). */
async function addVolunteer(name: string, v: Volunteer = {}) {
  const row = await privileged((tx) =>
    tx.one<{ id: string }>(
      `insert into public.volunteers (tenant_id, name, status, confidentiality_signed_on, record_check_on, record_check_ok, user_id)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        v.tenantId ?? world.tenant.id,
        name,
        v.status ?? 'active',
        v.signed === false ? null : '2026-01-10',
        v.checked === undefined || v.checked !== null ? '2026-01-12' : null,
        v.checked === undefined ? true : v.checked,
        v.userId ?? null,
      ],
    ),
  );
  return row!.id;
}

async function addParticipant(firstName: string) {
  const row = await privileged((tx) =>
    tx.one<{ id: string }>(
      'insert into public.participants (tenant_id, first_name, birth_year) values ($1, $2, 1990) returning id',
      [world.tenant.id, firstName],
    ),
  );
  return row!.id;
}

async function addMatch(participantId: string, volunteerId: string, status = 'active', coVolunteerId?: string) {
  const row = await privileged((tx) =>
    tx.one<{ id: string }>(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, co_volunteer_id, status, end_reason)
       values ($1, $2, $3, $4, $5::public.match_status, case when $5::text = 'ended' then 'completed' end) returning id`,
      [world.tenant.id, participantId, volunteerId, coVolunteerId ?? null, status],
    ),
  );
  return row!.id;
}

const newRow = (roster: { newRow: () => Record<string, unknown> }, fields: Record<string, unknown>) => ({
  ...roster.newRow(),
  id: randomUUID(),
  version: null,
  ...fields,
});

beforeEach(async () => {
  world = await createWorld();
  api = callerFor(world.users.coordinator).api;
  tenant = world.tenant.slug;
});

describe('matching help', () => {
  it('suggests only active volunteers with a signed agreement and an OK record check, least busy first', async () => {
    const signe = await addParticipant('Signe');
    const busy = await addVolunteer('Birgit');
    const once = await addVolunteer('Carl');
    const free = await addVolunteer('Åse');
    const alsoFree = await addVolunteer('Anders');
    // Proposed, active and paused matches count, as volunteer or second volunteer; ended ones do not.
    await addMatch(signe, busy, 'proposed');
    await addMatch(signe, once, 'paused', busy);
    await addMatch(signe, free, 'ended');
    await addMatch(signe, alsoFree, 'ended', once);
    // Not suggested: paused, applying, stopped, no agreement, no record check, a check not OK.
    await addVolunteer('Paula', { status: 'paused' });
    await addVolunteer('Ansøger', { status: 'applicant' });
    await addVolunteer('Stoppet', { status: 'stopped' });
    await addVolunteer('Uden erklæring', { signed: false });
    await addVolunteer('Uden attest', { checked: null });
    await addVolunteer('Attest ikke ok', { checked: false });
    // Nor anyone of another workspace.
    await addVolunteer('Fremmed', { tenantId: world.other.id });

    const suggested = await api.matches.suggestions({ tenant });
    expect(suggested.map((s) => [s.name, s.currentMatches])).toEqual([
      // Ties in Danish alphabetical order: Å comes last.
      ['Anders', 0],
      ['Åse', 0],
      ['Carl', 1],
      ['Birgit', 2],
    ]);
    expect(suggested[0]).toEqual({ id: alsoFree, name: 'Anders', email: null, currentMatches: 0 });
  });

  it('is for those who propose matches: peers and viewers are refused', async () => {
    for (const user of [world.users.peer, world.users.viewer]) {
      await expect(callerFor(user).api.matches.suggestions({ tenant })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'errors:forbidden',
      });
    }
  });

  it('a picked suggestion becomes a proposed match ending six months after its start', async () => {
    const signe = await addParticipant('Signe');
    await addVolunteer('Anders');
    const [pick] = await api.matches.suggestions({ tenant });
    const row = newRow(matches, { participantId: signe, volunteerId: pick!.id, startsOn: '2026-12-01' });
    const saved = await api.matches.save({ tenant, upserts: [row], deletes: [] });
    expect(saved).toMatchObject({
      ok: true,
      rows: [{ status: 'proposed', startsOn: '2026-12-01', plannedEndOn: '2027-06-01', overdue: false, meetings: 0 }],
    });
    expect((await api.matches.suggestions({ tenant })).map((s) => s.currentMatches)).toEqual([1]);
  });

  it('says why an ended match without a reason is refused', async () => {
    const id = await addMatch(await addParticipant('Signe'), await addVolunteer('Anders'));
    const { row } = await api.matches.get({ tenant, id });
    await expect(
      api.matches.save({ tenant, upserts: [{ ...row, status: 'ended' }], deletes: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors:match_end_reason_required' });
  });
});

describe('a peer', () => {
  it('sees only their own matches, participants by first name, and logs meetings on those only', async () => {
    const peerVolunteer = await addVolunteer('Ali Peer', { userId: world.users.peer.id });
    const colleague = await addVolunteer('Kim');
    const own = await addMatch(await addParticipant('Mette'), colleague, 'active', peerVolunteer);
    const others = await addMatch(await addParticipant('Jonas'), colleague);
    const peer = callerFor(world.users.peer).api;

    const listed = await peer.matches.list({ tenant });
    expect(listed.rows.map((r) => r.id)).toEqual([own]);
    // The programme column is shown, not changed: only those who manage programmes change it.
    expect(listed.access).toEqual({ add: false, edit: false, delete: false, readOnly: ['programmeId'] });
    expect(listed.lookups.participantId!.map((p) => [p.label, p.detail])).toEqual([['Mette', null]]);
    expect(listed.lookups.programmeId).toEqual([]);

    const log = await peer.matchMeetings.list({ tenant, parent: own });
    expect(log.access).toEqual({ add: true, edit: true, delete: true });
    const meeting = newRow(matchMeetings, { metOn: '2026-11-20', minutes: 75, kind: 'walk' });
    expect(await peer.matchMeetings.save({ tenant, parent: own, upserts: [meeting], deletes: [] })).toMatchObject({
      ok: true,
      rows: [{ metOn: '2026-11-20', minutes: 75, kind: 'walk' }],
    });
    expect((await peer.matches.get({ tenant, id: own })).row).toMatchObject({ meetings: 1, lastMetOn: '2026-11-20' });

    // Another's match is not there for them at all.
    await expect(peer.matches.get({ tenant, id: others })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(peer.matchMeetings.list({ tenant, parent: others })).rejects.toMatchObject({
      message: 'errors:parent_not_found',
    });
    await expect(
      peer.matchMeetings.save({
        tenant,
        parent: others,
        upserts: [newRow(matchMeetings, { metOn: '2026-11-21' })],
        deletes: [],
      }),
    ).rejects.toMatchObject({ message: 'errors:parent_not_found' });
  });

  it('cannot change a match, even their own', async () => {
    const peerVolunteer = await addVolunteer('Ali Peer', { userId: world.users.peer.id });
    const own = await addMatch(await addParticipant('Mette'), peerVolunteer);
    const peer = callerFor(world.users.peer).api;
    const { row } = await peer.matches.get({ tenant, id: own });
    await expect(
      peer.matches.save({ tenant, upserts: [{ ...row, status: 'paused' }], deletes: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
