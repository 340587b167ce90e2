import { fail } from '../../errors.ts';
import { requirePermission, router, tenantProcedure } from '../../trpc.ts';
import { catalogue } from './catalogue.ts';
import { offerRepo } from './offer-repo.ts';
import { ZOffer, ZOfferPage, ZPublishInput, ZSaveOfferInput, type OfferContent } from './schemas.ts';
import { OFFER_LANGUAGES } from './sections.ts';

/** What a published description must at least say: what the offer is, and where. */
function publishable(offer: Pick<OfferContent, 'sections' | 'municipality'>, ownMunicipality: string | null): boolean {
  const purpose = OFFER_LANGUAGES.some((l) => offer.sections.purpose[l]);
  return purpose && Boolean(ownMunicipality ?? offer.municipality);
}

/** The workspace's own description (decision 027): read by every member, edited by the editors. */
export const offerRouter = router({
  get: tenantProcedure.output(ZOfferPage).query(({ ctx }) => {
    requirePermission(ctx.tenant, 'offer.read');
    return ctx.db.tx(async (tx) => ({
      offer: await offerRepo.read(tx, ctx.tenant.id),
      scope: await offerRepo.scope(tx, ctx.tenant.id),
      ownMunicipality: ctx.tenant.kind === 'municipality' ? ctx.tenant.name : null,
    }));
  }),

  save: tenantProcedure
    .input(ZSaveOfferInput)
    .output(ZOffer)
    .mutation(({ ctx, input }) => {
      requirePermission(ctx.tenant, 'offer.edit');
      return ctx.db.tx((tx) => offerRepo.save(tx, ctx.tenant.id, input.version, input.offer));
    }),

  /** Publishing shows the description, as it is then and after later edits, to the workspace's regions. */
  setPublished: tenantProcedure
    .input(ZPublishInput)
    .output(ZOffer)
    .mutation(({ ctx, input }) => {
      requirePermission(ctx.tenant, 'offer.edit');
      return ctx.db.tx(async (tx) => {
        const current = await offerRepo.read(tx, ctx.tenant.id);
        if (!current) return fail('stale_version');
        const own = ctx.tenant.kind === 'municipality' ? ctx.tenant.name : null;
        if (input.published && !publishable(current, own)) return fail('offer_incomplete');
        return offerRepo.setPublished(tx, ctx.tenant.id, input.version, input.published);
      });
    }),

  catalogue,
});
