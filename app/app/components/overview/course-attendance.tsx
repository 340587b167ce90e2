import type { Overview } from '@brobygger/api/overview';
import { formatNumber, type Locale } from '@brobygger/i18n';
import { Link } from '@remix-run/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { AttendanceChart } from './attendance-chart.tsx';
import { monthlyTallies, ratesOf, sumTallies } from './rates.ts';

const ATTENDANCE_COLOUR = '#1f5f8b';
const NO_SHOW_COLOUR = '#a4262c';

const percent = (value: number | null, locale: Locale, none: string) =>
  value === null ? none : formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 0 });

/** "nov. 2026" / "Nov 2026": a month of the time axis in the page's language. */
const monthLabel = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

/**
 * Attendance per course: a table of each course's sessions and rates over the period (each course
 * links to its attendance sheet), and a chart of the rates per month for all courses or one, with
 * the chart's figures as a table beside it: the chart's text alternative, in the page's language.
 */
export function CourseAttendance({ overview, tenant }: { overview: Overview; tenant: string }) {
  const { t } = useTranslation('overview');
  const locale = useLocale();
  const [courseId, setCourseId] = useState<string | null>(null);
  const ids = { heading: useId(), table: useId(), select: useId() };
  const courses = overview.courses ?? [];
  const none = t('courses.noRate');
  const chosen = courses.find((c) => c.id === courseId);
  const monthly = monthlyTallies(overview, chosen?.id ?? null);
  const labels = monthly.map((m) => monthLabel(m.month, locale));
  const rates = monthly.map((m) => ratesOf(m.tally));

  return (
    <section aria-labelledby={ids.heading} className="card">
      <h2 id={ids.heading}>{t('courses.heading')}</h2>
      {courses.length === 0 ? (
        <p>{t('courses.none')}</p>
      ) : (
        <>
          <p className="muted">{t('courses.intro')}</p>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('courses.course')}</th>
                  <th scope="col" className="numeric">
                    {t('courses.sessions')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('courses.attendance')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('courses.noShow')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {courses.map((c) => {
                  const tally = sumTallies(c.months);
                  const r = ratesOf(tally);
                  return (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link
                          to={`/w/${tenant}/courses/${c.id}/attendance`}
                          aria-label={t('courses.openAttendance', { course: c.name })}
                        >
                          {c.name}
                        </Link>
                      </th>
                      <td className="numeric">{formatNumber(tally.sessions, locale)}</td>
                      <td className="numeric">{percent(r.attendance, locale, none)}</td>
                      <td className="numeric">{percent(r.noShow, locale, none)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <h3>{t('courses.chartTitle')}</h3>
          <div className="overview-chart-choice">
            <label htmlFor={ids.select}>{t('courses.chartCourse')}</label>
            <select id={ids.select} value={courseId ?? ''} onChange={(e) => setCourseId(e.target.value || null)}>
              <option value="">{t('courses.allCourses')}</option>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <AttendanceChart
            labels={labels}
            series={[
              { label: t('courses.attendance'), values: rates.map((r) => r.attendance), colour: ATTENDANCE_COLOUR },
              { label: t('courses.noShow'), values: rates.map((r) => r.noShow), colour: NO_SHOW_COLOUR, dashed: true },
            ]}
            description={t('courses.chartDescription', { course: chosen?.name ?? t('courses.allCourses') })}
            describedBy={ids.table}
            formatPercent={(v) => percent(v, locale, none)}
          />
          <details className="overview-chart-table">
            <summary>{t('courses.chartTable')}</summary>
            <div className="table-scroll">
              <table className="table" id={ids.table}>
                <caption className="sr-only">
                  {t('courses.chartTitle')}: {chosen?.name ?? t('courses.allCourses')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('courses.month')}</th>
                    <th scope="col" className="numeric">
                      {t('courses.sessions')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('courses.attendance')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('courses.noShow')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {monthly.map((m, i) => (
                    <tr key={m.month}>
                      <th scope="row">{labels[i]}</th>
                      <td className="numeric">{formatNumber(m.tally.sessions, locale)}</td>
                      <td className="numeric">{percent(rates[i]!.attendance, locale, none)}</td>
                      <td className="numeric">{percent(rates[i]!.noShow, locale, none)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
