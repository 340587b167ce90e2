import type { PersonPage as PersonPageData } from '@brobygger/api';
import type { DerivedRoster } from '@brobygger/api/rosters';
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../routes/w.$tenant.tsx';
import { PersonCourses } from './person-courses.tsx';
import { PersonHistory } from './person-history.tsx';
import { PersonMatches } from './person-matches.tsx';
import { PersonPrivacy } from './person-privacy.tsx';
import { PersonRecord } from './person-record.tsx';
import './person.css';

/** The API's history limit, for the "newest N shown" line. */
const HISTORY_LIMIT = 100;

/**
 * The one layout of a person's page, volunteer or participant: a link back to where they came
 * from, their name, the roster row as a record, their courses and attendance, their matches, and
 * the change history. The routes load the data and choose the roster; nothing else differs.
 */
export function PersonPage({
  roster,
  page,
  from,
  notice,
}: {
  roster: DerivedRoster;
  page: PersonPageData;
  /** The page it was opened from (a course's), when not the roster's grid. */
  from: string | null;
  /** Why the caller sees only part of the record, when they do. */
  notice?: ReactNode;
}) {
  const { t } = useTranslation('people');
  const workspace = useWorkspace().slug;
  const kind = roster.definition.name as 'volunteers' | 'participants';
  const back = from
    ? { to: from, label: t('back') }
    : { to: `/w/${workspace}/${kind}`, label: t(kind === 'volunteers' ? 'backToVolunteers' : 'backToParticipants') };
  const name = String(page.row[roster.definition.labelField] ?? '');
  return (
    <div className="page person-page">
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>
        {name} <span className="person-kind">{t(`kind.${kind}`)}</span>
      </h1>
      {notice ? <p className="muted">{notice}</p> : null}
      <section aria-labelledby="person-record">
        <h2 id="person-record">{t('record.title')}</h2>
        <PersonRecord roster={roster} row={page.row} fields={page.fields} />
      </section>
      <section aria-labelledby="person-courses">
        <h2 id="person-courses">{t('courses.title')}</h2>
        <PersonCourses courses={page.courses} workspace={workspace} />
      </section>
      <section aria-labelledby="person-matches">
        <h2 id="person-matches">{t('matches.title')}</h2>
        <PersonMatches matches={page.matches} kind={kind} workspace={workspace} />
      </section>
      <section aria-labelledby="person-history">
        <h2 id="person-history">{t('history.title')}</h2>
        <PersonHistory roster={roster} history={page.history} limit={HISTORY_LIMIT} />
      </section>
      <PersonPrivacy kind={kind} id={page.row.id} name={name} />
    </div>
  );
}
