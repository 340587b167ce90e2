import type { PersonCourse } from '@brobygger/api';
import { formatNumber } from '@brobygger/i18n';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { formatIsoDate } from '../grid/values.ts';

/** The courses a person facilitates or is enrolled on, with sessions held, attended and the rate. */
export function PersonCourses({ courses, workspace }: { courses: readonly PersonCourse[]; workspace: string }) {
  const { t } = useTranslation('people');
  const locale = useLocale();
  if (courses.length === 0) return <p>{t('courses.none')}</p>;
  const date = (d: string | null) => (d ? formatIsoDate(d, locale) : '');
  const number = (n: number) => formatNumber(n, locale);
  return (
    <>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('courses.course')}</th>
              <th scope="col">{t('courses.role')}</th>
              <th scope="col">{t('courses.period')}</th>
              <th scope="col" className="numeric">
                {t('courses.held')}
              </th>
              <th scope="col" className="numeric">
                {t('courses.attended')}
              </th>
              <th scope="col" className="numeric">
                {t('courses.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/w/${workspace}/courses/${c.id}`}>{c.name}</Link>{' '}
                  <span className="muted">({t(`courses:kind.${c.kind}`)})</span>
                </td>
                <td>
                  {t(`courses.roles.${c.role}`)}
                  {c.status ? `, ${t(`courses:status.${c.status}`).toLocaleLowerCase(locale)}` : ''}
                </td>
                <td>{c.from || c.to ? `${date(c.from)} – ${date(c.to)}` : t('empty')}</td>
                <td className="numeric">{number(c.sessionsHeld)}</td>
                <td className="numeric">
                  {c.attended === null
                    ? t('empty')
                    : t('courses.attendedOf', { attended: number(c.attended), held: number(c.sessionsHeld) })}
                </td>
                <td className="numeric">
                  {c.attendanceRate === null
                    ? t('empty')
                    : t('courses.ratePercent', { rate: number(c.attendanceRate) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
