import { useTranslation } from 'react-i18next';
import { useReadOnlyReason } from '../../routes/w.$tenant.tsx';

/**
 * The sentence for a list or a form the caller cannot change. In a read-only workspace it says
 * why (closed, suspended, billing): telling an owner that "your role" cannot change it would send
 * them to the members page instead of the settings or the billing page. Otherwise `roleText`.
 */
export function useReadOnlyNotice(what: 'list' | 'form', roleText: string): string {
  const { t } = useTranslation();
  const reason = useReadOnlyReason();
  if (!reason) return roleText;
  return what === 'list' ? t(`grid:readOnlyWorkspace.${reason}`) : t(`workspace:readOnlyForm.${reason}`);
}

/** The grids' status line when nothing can be edited. */
export function useGridReadOnlyNotice(): string {
  const { t } = useTranslation('grid');
  return useReadOnlyNotice('list', t('readOnly'));
}
