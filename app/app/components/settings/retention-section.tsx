import type { Retention } from '@brobygger/api';
import { formatDate } from '@brobygger/i18n';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import type { ActionResult } from '../../lib/api.server.ts';
import { Field, FormMessage } from '../form.tsx';
import './retention-section.css';

export type RetentionActionData = ActionResult<{ months: number | null }>;

/**
 * How long ended participants and stopped volunteers are kept (decision 024): a number of months,
 * or empty to keep them until someone erases them, and what the nightly job did last.
 */
export function RetentionSection({ retention }: { retention: Retention }) {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  const result = useActionData<RetentionActionData>();
  const busy = useNavigation().state !== 'idle';
  const saved = result?.ok ? result.data.months : undefined;
  const { lastRun } = retention;
  return (
    <section className="settings-section retention-section" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p>{t('retention.intro')}</p>
      <Form method="post" className="retention-form">
        <input type="hidden" name="intent" value="retention" />
        <Field
          label={t('retention.months')}
          name="months"
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          step={1}
          defaultValue={retention.months ?? ''}
          hint={t('retention.hint')}
          errors={result && !result.ok ? result.fieldErrors?.months : undefined}
        />
        <button type="submit" disabled={busy}>
          {t('retention.save')}
        </button>
      </Form>
      <FormMessage
        error={result && !result.ok && !result.fieldErrors?.months ? result.error : undefined}
        success={
          saved === undefined
            ? undefined
            : saved === null
              ? t('retention.savedNone')
              : t('retention.saved', { count: saved })
        }
      />
      <p className="muted">
        {lastRun
          ? t('retention.lastRun', {
              date: formatDate(lastRun.ranAt, locale, 'datetime'),
              participants: lastRun.participants,
              volunteers: lastRun.volunteers,
            })
          : t('retention.neverRun')}
      </p>
    </section>
  );
}
