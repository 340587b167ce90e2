import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../routes/w.$tenant.tsx';

type Api = { programmes: { name: (input: { tenant: string; id: string }) => Promise<{ id: string; name: string }> } };

/**
 * The programme a course belongs to, by name, for those who may read programmes; null for the
 * rest (a peer sees that a course exists, not who funds it) and for a course of no programme.
 */
export async function programmeOf(api: Api, tenant: string, id: string | null) {
  if (!id) return null;
  return api.programmes.name({ tenant, id }).catch((error: { code?: string }) => {
    if (error?.code === 'FORBIDDEN') return null;
    throw error;
  });
}

/** "Programme: <name>", linking to the programme's page. */
export function ProgrammeLink({ programme }: { programme: { id: string; name: string } | null }) {
  const { t } = useTranslation('programmes');
  const { slug } = useWorkspace();
  if (!programme) return null;
  return (
    <p className="programme-link">
      {t('columns.name')}: <Link to={`/w/${slug}/programmes/${programme.id}`}>{programme.name}</Link>
    </p>
  );
}
