import { useTranslation } from 'react-i18next';
import { MonthsSetting } from './months-setting.tsx';

/** How old a volunteer's record check (børneattest/straffeattest) may be before the overview asks for a new one. */
export function RecordCheckSection({ months }: { months: number }) {
  const { t } = useTranslation('settings');
  return (
    <MonthsSetting
      intent="recordChecks"
      title={t('recordChecks.title')}
      intro={t('recordChecks.intro')}
      label={t('recordChecks.months')}
      value={months}
      min={1}
      max={120}
      required
      saveLabel={t('recordChecks.save')}
      savedText={(saved) => t('recordChecks.saved', { count: saved ?? months })}
    />
  );
}
