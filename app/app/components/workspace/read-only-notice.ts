import { useTranslation } from 'react-i18next';
import { useReadOnlyReason } from '../../routes/w.$tenant.tsx';

/**
 * The sentence under a grid that cannot be edited. In a read-only workspace it says why (closed,
 * suspended, billing): telling an owner that "your role" cannot change a list would send them
 * looking at the members page instead of the settings or the billing page.
 */
export function useGridReadOnlyNotice(): string {
  const { t } = useTranslation('grid');
  const reason = useReadOnlyReason();
  return reason ? t(`readOnlyWorkspace.${reason}`) : t('readOnly');
}
