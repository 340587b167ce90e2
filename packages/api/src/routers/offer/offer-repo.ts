import type { Tx } from '@brobygger/db';
import { fail } from '../../errors.ts';
import { CONTENT_COLUMNS, contentValues, offerOf, type OfferRow } from './offer-row.ts';
import type { OfferContent } from './schemas.ts';
import type { ScopeFigures } from './sections.ts';

/** The queries of the offer page, run in the caller's RLS transaction: policies decide, not this. */
export const offerRepo = {
  async read(tx: Tx, tenantId: string) {
    const row = await tx.one<OfferRow>('select * from public.offer_descriptions where tenant_id = $1', [tenantId]);
    return row ? offerOf(row) : null;
  },

  /** The workspace's figures, suppressed as the catalogue shows them. */
  async scope(tx: Tx, tenantId: string): Promise<ScopeFigures> {
    const row = await tx.one<ScopeFigures>(
      `select volunteers, participants, sessions_per_month::float8 as "sessionsPerMonth",
              meetings_per_month::float8 as "meetingsPerMonth"
       from aggregates.offer_scope($1)`,
      [tenantId],
    );
    return row ?? { volunteers: 0, participants: 0, sessionsPerMonth: 0, meetingsPerMonth: 0 };
  },

  /**
   * Saves the form. The first save inserts; later ones must name the version they started from,
   * so a colleague's save in between is refused, not overwritten.
   */
  async save(tx: Tx, tenantId: string, version: number | null, offer: OfferContent) {
    const values = contentValues(offer);
    const placeholders = CONTENT_COLUMNS.map((_, i) => `$${i + 2}`);
    const row =
      version === null
        ? await tx.one<OfferRow>(
            `insert into public.offer_descriptions (tenant_id, ${CONTENT_COLUMNS.join(', ')})
             values ($1, ${placeholders.join(', ')})
             on conflict (tenant_id) do nothing returning *`,
            [tenantId, ...values],
          )
        : await tx.one<OfferRow>(
            `update public.offer_descriptions
             set ${CONTENT_COLUMNS.map((c, i) => `${c} = ${placeholders[i]}`).join(', ')}
             where tenant_id = $1 and version = $${CONTENT_COLUMNS.length + 2} returning *`,
            [tenantId, ...values, version],
          );
    return row ? offerOf(row) : fail('stale_version');
  },

  async setPublished(tx: Tx, tenantId: string, version: number, published: boolean) {
    const row = await tx.one<OfferRow>(
      `update public.offer_descriptions set published_at = case when $3 then now() end
       where tenant_id = $1 and version = $2 returning *`,
      [tenantId, version, published],
    );
    return row ? offerOf(row) : fail('stale_version');
  },
};
