import { useLocation } from '@remix-run/react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowLink } from '../grid/row-link.tsx';
import { useWorkspace } from '../../routes/w.$tenant.tsx';
import { personHref } from './back-link.ts';

const PERSON_ROSTERS = ['volunteers', 'participants'] as const;
type PersonRoster = (typeof PERSON_ROSTERS)[number];
const isPersonRoster = (name: string): name is PersonRoster => (PERSON_ROSTERS as readonly string[]).includes(name);

/**
 * Where a grid's lookup of a person (a course's facilitator, an enrolled participant) links to:
 * their page, which leads back to the page the grid is on. Volunteers' pages only for those who
 * may read the volunteers roster (a peer would find none); a participant named in a grid is one
 * the caller may open, as far as they see them.
 */
export function usePersonPages(tenant: string) {
  const { permissions } = useWorkspace();
  const { pathname } = useLocation();
  const readsVolunteers = permissions['roster.read'] === 'all';
  return useCallback(
    (roster: string, id: string) => {
      if (!isPersonRoster(roster) || (roster === 'volunteers' && !readsVolunteers)) return undefined;
      return personHref(tenant, roster, id, pathname);
    },
    [tenant, pathname, readsVolunteers],
  );
}

/** The link in a person roster's naming cell (name, first name) to the person's page. */
export function usePersonRowLink(roster: PersonRoster, field: string): RowLink {
  const { slug } = useWorkspace();
  const { t } = useTranslation('people');
  const label = t('record.title');
  return useMemo(
    () => ({ href: (id: string) => personHref(slug, roster, id), label, field }),
    [slug, roster, field, label],
  );
}
