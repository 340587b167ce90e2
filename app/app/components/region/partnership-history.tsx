import type { PartnershipEvent } from '@brobygger/api/partnerships';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';

/** Who did what when in one partnership, oldest first, folded away under its count. */
export function PartnershipHistory({ name, events }: { name: string; events: PartnershipEvent[] }) {
  const { t } = useTranslation('region');
  const locale = useLocale();
  if (events.length === 0) return null;
  return (
    <details className="partnership-history">
      <summary>{t('partners.history.summary', { count: events.length })}</summary>
      <ol aria-label={t('partners.history.title', { name })}>
        {events.map((e, i) => {
          const side = e.side
            ? t(e.side === 'region' ? 'partners.history.byRegion' : 'partners.history.byPartner')
            : '';
          return (
            <li key={`${e.occurredAt}-${i}`}>
              <time dateTime={e.occurredAt}>{formatDate(e.occurredAt, locale, 'datetime')}</time>{' '}
              <strong>{t(`partners.history.${e.event}`)}</strong>{' '}
              {e.actorName ? t('partners.history.byName', { name: e.actorName, side }) : side}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
