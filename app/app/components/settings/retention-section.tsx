import type { Retention } from '@brobygger/api';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { MonthsSetting } from './months-setting.tsx';

/**
 * How long ended participants and stopped volunteers are kept (decision 024): a number of months,
 * or empty to keep them until someone erases them, and what the nightly job did last.
 */
export function RetentionSection({ retention }: { retention: Retention }) {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  const { lastRun } = retention;
  return (
    <MonthsSetting
      intent="retention"
      title={t('retention.title')}
      intro={t('retention.intro')}
      label={t('retention.months')}
      hint={t('retention.hint')}
      value={retention.months}
      min={1}
      max={240}
      saveLabel={t('retention.save')}
      savedText={(months) => (months === null ? t('retention.savedNone') : t('retention.saved', { count: months }))}
    >
      <p className="muted">
        {lastRun
          ? t('retention.lastRun', {
              date: formatDate(lastRun.ranAt, locale, 'datetime'),
              participants: lastRun.participants,
              volunteers: lastRun.volunteers,
            })
          : t('retention.neverRun')}
      </p>
    </MonthsSetting>
  );
}
