import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ActionResult } from '../../lib/api.server.ts';
import { FormMessage } from '../form.tsx';

export type RunsActivitiesActionData = ActionResult<{ runsActivities: boolean }>;

/**
 * Whether the workspace runs activities itself (decision 026): a region that only funds and
 * follows has no rosters in its menu. The settings page's action saves it as `runsActivities`.
 */
export function RunsActivitiesSection({ value }: { value: boolean }) {
  const { t } = useTranslation('region');
  const result = useActionData<RunsActivitiesActionData>();
  const busy = useNavigation().state !== 'idle';
  const mine = result?.intent === 'runsActivities' ? result : undefined;
  return (
    <section className="settings-section" aria-labelledby="runs-activities-title">
      <h2 id="runs-activities-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <Form method="post" className="months-form">
        <input type="hidden" name="intent" value="runsActivities" />
        <label className="checkbox">
          <input type="checkbox" name="runsActivities" value="on" defaultChecked={value} key={String(value)} />{' '}
          {t('settings.label')}
        </label>
        <button type="submit" disabled={busy}>
          {t('settings.save')}
        </button>
      </Form>
      <FormMessage
        error={mine && !mine.ok ? mine.error : undefined}
        success={mine?.ok ? t(mine.data.runsActivities ? 'settings.saved_on' : 'settings.saved_off') : undefined}
      />
    </section>
  );
}
