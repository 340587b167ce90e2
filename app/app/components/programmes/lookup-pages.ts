import { useCallback } from 'react';
import { useWorkspace } from '../../routes/w.$tenant.tsx';
import { usePersonPages } from '../person/person-links.ts';

/**
 * Where a grid's lookup cell links to: a person's page (usePersonPages), or a programme's page
 * (a course's or match's programme) for those who may read programmes.
 */
export function useLookupPages(tenant: string) {
  const personPage = usePersonPages(tenant);
  const readsProgrammes = useWorkspace().permissions['programmes.read'] === 'all';
  return useCallback(
    (roster: string, id: string) =>
      roster === 'programmes'
        ? readsProgrammes
          ? `/w/${tenant}/programmes/${id}`
          : undefined
        : personPage(roster, id),
    [tenant, personPage, readsProgrammes],
  );
}
