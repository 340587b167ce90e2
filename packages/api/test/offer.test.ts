import { TRPCError } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import type { OfferContent } from '../src/routers/offer/schemas.ts';
import { callerFor } from './helpers.ts';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: TRPCError) => ({ code: e.code, message: e.message }),
  );

const bilingual = (da: string | null = null, en: string | null = null) => ({ da, en });

/** A description as a coordinator fills in the form: Danish throughout, English for the purpose only. */
const OFFER: OfferContent = {
  name: 'Peer-café Nørrebro',
  municipality: null,
  startedYear: 2019,
  sections: {
    purpose: bilingual(
      'Et mødested hvor mennesker med psykisk sårbarhed støtter hinanden.',
      'A meeting place for mutual support.',
    ),
    peerSupport: bilingual('Peer-støttere har selv levet med psykiske vanskeligheder.'),
    scopeNote: bilingual('Åbent hver tirsdag.'),
    model: bilingual('Recovery-orienteret, inspireret af Intentional Peer Support.'),
    supervision: bilingual('Månedlig supervision ved psykolog.'),
    access: bilingual('Alle over 18 år; henvisning er ikke nødvendig.'),
    funding: bilingual('Finansieret af §18-midler til og med 2027.'),
  },
  contact: {
    name: 'Mette Holm',
    email: 'cafe@example.dk',
    phone: '+45 12 34 56 78',
    website: 'https://example.dk/cafe',
  },
};

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

describe('offer.get and offer.save', () => {
  it('a coordinator writes the description and every member, a peer too, reads it back with the scope figures', async () => {
    const { api } = callerFor(world.users.coordinator);
    const page = await api.offer.get({ tenant: world.tenant.slug });
    expect(page).toEqual({
      offer: null,
      scope: { volunteers: 0, participants: 0, sessionsPerMonth: 0, meetingsPerMonth: 0 },
      ownMunicipality: 'Testkommune',
    });

    const saved = await api.offer.save({ tenant: world.tenant.slug, version: null, offer: OFFER });
    expect(saved).toMatchObject({ ...OFFER, version: 1, publishedAt: null });
    const asPeer = await callerFor(world.users.peer).api.offer.get({ tenant: world.tenant.slug });
    expect(asPeer.offer).toEqual(saved);
  });

  it('treats an emptied field as not written', async () => {
    const { api } = callerFor(world.users.owner);
    const saved = await api.offer.save({
      tenant: world.tenant.slug,
      version: null,
      offer: { ...OFFER, sections: { ...OFFER.sections, funding: bilingual('   ', '') } },
    });
    expect(saved.sections.funding).toEqual({ da: null, en: null });
  });

  it('refuses a save that started from an old version, and keeps the colleague’s text', async () => {
    const { api } = callerFor(world.users.coordinator);
    const first = await api.offer.save({ tenant: world.tenant.slug, version: null, offer: OFFER });
    await callerFor(world.users.admin).api.offer.save({
      tenant: world.tenant.slug,
      version: first.version,
      offer: { ...OFFER, name: 'Admins navn' },
    });
    expect(
      await rejection(api.offer.save({ tenant: world.tenant.slug, version: first.version, offer: OFFER })),
    ).toEqual({ code: 'CONFLICT', message: 'errors:stale_version' });
    expect(await rejection(api.offer.save({ tenant: world.tenant.slug, version: null, offer: OFFER }))).toEqual({
      code: 'CONFLICT',
      message: 'errors:stale_version',
    });
    expect((await api.offer.get({ tenant: world.tenant.slug })).offer?.name).toBe('Admins navn');
  });

  it('lets peers and viewers read but not write, and strangers not even read', async () => {
    for (const actor of ['peer', 'viewer'] as const) {
      expect(
        await rejection(
          callerFor(world.users[actor]).api.offer.save({ tenant: world.tenant.slug, version: null, offer: OFFER }),
        ),
      ).toEqual({ code: 'FORBIDDEN', message: 'errors:forbidden' });
    }
    expect(await rejection(callerFor(world.users.stranger).api.offer.get({ tenant: world.tenant.slug }))).toEqual({
      code: 'NOT_FOUND',
      message: 'errors:workspace_not_found',
    });
  });

  it('answers bad input with the translated message of each field', async () => {
    const { api } = callerFor(world.users.coordinator);
    const bad = { ...OFFER, name: ' ', startedYear: 1850, contact: { ...OFFER.contact, website: 'example.dk' } };
    const error = await api.offer.save({ tenant: world.tenant.slug, version: null, offer: bad }).catch((e) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const messages = (error.cause as { issues: { message: string }[] }).issues.map((i) => i.message).sort();
    expect(messages).toEqual([
      'errors:offer_invalid_website',
      'errors:offer_invalid_year',
      'errors:offer_name_required',
    ]);
  });
});

describe('offer.setPublished and offer.catalogue', () => {
  const publish = async (published = true) => {
    const { api } = callerFor(world.users.coordinator);
    const saved = await api.offer.save({ tenant: world.tenant.slug, version: null, offer: OFFER });
    return api.offer.setPublished({ tenant: world.tenant.slug, version: saved.version, published });
  };
  const catalogue = (q?: string) =>
    callerFor(world.users.regionMember).api.offer.catalogue({ tenant: world.region.slug, q });

  it('a published description appears in the region’s catalogue under its municipality, with the scope figures', async () => {
    expect(await catalogue()).toEqual([]);
    const published = await publish();
    expect(published.publishedAt).toEqual(expect.any(String));
    expect(await catalogue()).toEqual([
      {
        ...OFFER,
        municipality: 'Testkommune',
        regionName: 'Testregion',
        partnerKind: 'municipality',
        publishedAt: published.publishedAt,
        scope: { volunteers: 0, participants: 0, sessionsPerMonth: 0, meetingsPerMonth: 0 },
      },
    ]);
  });

  it('searches names, municipalities and the text of every section, in both languages, all words', async () => {
    await publish();
    for (const q of ['nørrebro', 'TESTKOMMUNE', 'intentional peer', 'mutual support', '§18']) {
      expect((await catalogue(q)).map((e) => e.name)).toEqual(['Peer-café Nørrebro']);
    }
    expect(await catalogue('nørrebro aarhus')).toEqual([]);
  });

  it('unpublishing and ending the partnership each take the offer out at once', async () => {
    const published = await publish();
    await callerFor(world.users.owner).api.offer.setPublished({
      tenant: world.tenant.slug,
      version: published.version,
      published: false,
    });
    expect(await catalogue()).toEqual([]);

    const again = await callerFor(world.users.owner).api.offer.get({ tenant: world.tenant.slug });
    await callerFor(world.users.owner).api.offer.setPublished({
      tenant: world.tenant.slug,
      version: again.offer!.version,
      published: true,
    });
    expect(await catalogue()).toHaveLength(1);
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'ended', ended_on = current_date where tenant_id = $1", [
        world.region.id,
      ]),
    );
    expect(await catalogue()).toEqual([]);
  });

  it('refuses to publish a description without a purpose', async () => {
    const { api } = callerFor(world.users.coordinator);
    const saved = await api.offer.save({
      tenant: world.tenant.slug,
      version: null,
      offer: { ...OFFER, sections: { ...OFFER.sections, purpose: bilingual() } },
    });
    expect(
      await rejection(api.offer.setPublished({ tenant: world.tenant.slug, version: saved.version, published: true })),
    ).toEqual({ code: 'BAD_REQUEST', message: 'errors:offer_incomplete' });
  });

  it('a workspace that is not a region has no catalogue', async () => {
    expect(await rejection(callerFor(world.users.owner).api.offer.catalogue({ tenant: world.tenant.slug }))).toEqual({
      code: 'FORBIDDEN',
      message: 'errors:catalogue_for_regions',
    });
  });
});
