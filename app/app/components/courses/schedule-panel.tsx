import { useFetcher } from '@remix-run/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { Field, FormMessage } from '../form.tsx';
import { formatIsoDate } from '../grid/values.ts';

export type StoredSchedule = {
  frequency: 'weekly' | 'fortnightly';
  firstDate: string;
  sessionCount: number | null;
  until: string | null;
  startsAt: string;
  durationMinutes: number;
  version: number;
};

export type SchedulePlan = {
  dates: string[];
  add: string[];
  retime: string[];
  remove: string[];
  keep: { heldOn: string; reason: string }[];
  unchanged: number;
};

/** What the course page's action answers to the panel's form. */
export type ScheduleAnswer =
  | { ok: true; intent: 'preview'; data: SchedulePlan }
  | { ok: true; intent: 'generate'; data: { plan: SchedulePlan; version: number } }
  | { ok: false; intent?: string; error: string };

/**
 * A course's schedule: the form that previews what generating it would do to the sessions and
 * then does it, for those who may; a one-line summary for everyone else. Previewing first is
 * the rule: the button that changes sessions appears only under a preview of the same values.
 */
export function SchedulePanel({ schedule, canEdit }: { schedule: StoredSchedule | null; canEdit: boolean }) {
  const { t } = useTranslation('courses');
  const titleId = useId();
  if (!canEdit) {
    if (!schedule) return null;
    return (
      <section aria-labelledby={titleId}>
        <h2 id={titleId}>{t('schedule.title')}</h2>
        <ScheduleSummary schedule={schedule} />
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('schedule.title')}</h2>
      <p className="muted">{t('schedule.intro')}</p>
      <ScheduleForm schedule={schedule} />
    </section>
  );
}

function ScheduleSummary({ schedule }: { schedule: StoredSchedule }) {
  const { t } = useTranslation('courses');
  const locale = useLocale();
  const values = {
    frequency: t(`schedule.${schedule.frequency}`),
    time: schedule.startsAt,
    minutes: schedule.durationMinutes,
    first: formatIsoDate(schedule.firstDate, locale),
    count: schedule.sessionCount ?? 0,
    until: schedule.until ? formatIsoDate(schedule.until, locale) : '',
  };
  return <p>{t(schedule.until ? 'schedule.summaryUntil' : 'schedule.summaryCount', values)}</p>;
}

function ScheduleForm({ schedule }: { schedule: StoredSchedule | null }) {
  const { t } = useTranslation('courses');
  const fetcher = useFetcher<ScheduleAnswer>({ key: 'course-schedule' });
  const answer = fetcher.state === 'idle' ? fetcher.data : undefined;
  // A preview is shown only for the values it was made from: any change to the form hides it.
  const [previewShown, setPreviewShown] = useState(false);
  useEffect(() => {
    if (answer?.ok) setPreviewShown(answer.intent === 'preview');
  }, [answer]);
  const busy = fetcher.state !== 'idle';
  const s = schedule;

  return (
    <fetcher.Form method="post" noValidate onChange={() => setPreviewShown(false)}>
      <input type="hidden" name="version" value={s?.version ?? ''} />
      <div className="inline-form schedule-fields">
        <div className="field">
          <label htmlFor="schedule-frequency">{t('schedule.frequency')}</label>
          <select id="schedule-frequency" name="frequency" defaultValue={s?.frequency ?? 'weekly'}>
            <option value="weekly">{t('schedule.weekly')}</option>
            <option value="fortnightly">{t('schedule.fortnightly')}</option>
          </select>
        </div>
        <Field
          label={t('schedule.firstDate')}
          name="firstDate"
          type="date"
          required
          defaultValue={s?.firstDate ?? ''}
        />
        <Field label={t('schedule.startsAt')} name="startsAt" type="time" required defaultValue={s?.startsAt ?? ''} />
        <Field
          label={t('schedule.durationMinutes')}
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          required
          defaultValue={s?.durationMinutes ?? 120}
        />
        <Field
          label={t('schedule.sessionCount')}
          name="sessionCount"
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          defaultValue={s?.sessionCount ?? ''}
          hint={t('schedule.endHint')}
        />
        <Field label={t('schedule.until')} name="until" type="date" defaultValue={s?.until ?? ''} />
      </div>
      <p>
        <button type="submit" name="intent" value="preview" disabled={busy}>
          {t('schedule.preview')}
        </button>
      </p>
      {answer && !answer.ok ? <FormMessage error={answer.error} /> : null}
      {answer?.ok && answer.intent === 'preview' && previewShown ? (
        <div className="schedule-plan" role="status">
          <h3>{t('schedule.previewTitle')}</h3>
          <PlanList plan={answer.data} />
          {changes(answer.data) > 0 ? (
            <button type="submit" name="intent" value="generate" className="primary" disabled={busy}>
              {t('schedule.generate')}
            </button>
          ) : null}
        </div>
      ) : null}
      {answer?.ok && answer.intent === 'generate' ? (
        <div className="schedule-plan" role="status">
          <h3>{t('schedule.doneTitle')}</h3>
          <PlanList plan={answer.data.plan} />
        </div>
      ) : null}
    </fetcher.Form>
  );
}

const changes = (plan: SchedulePlan) => plan.add.length + plan.retime.length + plan.remove.length + plan.keep.length;

/** The plan in sentences, each only when it applies; dates where the coordinator must know which. */
function PlanList({ plan }: { plan: SchedulePlan }) {
  const { t } = useTranslation('courses');
  const locale = useLocale();
  const list = (dates: string[]) => dates.map((d) => formatIsoDate(d, locale)).join(', ');
  const items = [
    plan.dates.length
      ? t('schedule.dates', {
          count: plan.dates.length,
          first: formatIsoDate(plan.dates[0]!, locale),
          last: formatIsoDate(plan.dates.at(-1)!, locale),
        })
      : null,
    plan.add.length ? t('schedule.add', { count: plan.add.length }) : null,
    plan.retime.length ? t('schedule.retime', { count: plan.retime.length }) : null,
    plan.remove.length ? t('schedule.remove', { count: plan.remove.length, dates: list(plan.remove) }) : null,
    plan.keep.length
      ? t('schedule.keep', { count: plan.keep.length, dates: list(plan.keep.map((k) => k.heldOn)) })
      : null,
    plan.unchanged ? t('schedule.unchanged', { count: plan.unchanged }) : null,
    changes(plan) === 0 ? t('schedule.nothing') : null,
  ].filter((item): item is string => item !== null);
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
