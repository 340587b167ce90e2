import type { Offer } from '@brobygger/api';
import { formatDate } from '@brobygger/i18n/locale';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';

/** Whether the description is out to the regions, and the one button that changes it. */
export function PublishPanel({ offer, canEdit }: { offer: Offer | null; canEdit: boolean }) {
  const { t } = useTranslation('offer');
  const locale = useLocale();
  const busy = useNavigation().state !== 'idle';
  const published = offer?.publishedAt ?? null;
  return (
    <section className="card" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('publish.title')}</h2>
      <div className="offer-publish">
        <p>{published ? t('publish.published', { date: formatDate(published, locale) }) : t('publish.draft')}</p>
        {canEdit && offer ? (
          <Form method="post">
            <input type="hidden" name="intent" value={published ? 'unpublish' : 'publish'} />
            <input type="hidden" name="version" value={offer.version} />
            <button type="submit" className={published ? undefined : 'primary'} disabled={busy}>
              {published ? t('publish.unpublish') : t('publish.publish')}
            </button>
          </Form>
        ) : null}
        {canEdit && !offer ? <p className="muted">{t('publish.saveFirst')}</p> : null}
      </div>
    </section>
  );
}
