import { Link } from '@remix-run/react';
import type { Workspace } from '@brobygger/api';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';

/**
 * On every page of a read-only workspace: why it is read-only and, when closed, the day it is
 * deleted; its owner is pointed to where it is reopened.
 */
export function ReadOnlyBanner({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  if (!workspace.readOnly) return null;
  const text =
    workspace.status === 'suspended'
      ? t('banner.suspended', { reason: workspace.suspendedReason ?? '' })
      : workspace.status === 'closed' && workspace.deleteAfter
        ? t('banner.closed', { date: formatDate(workspace.deleteAfter, locale) })
        : t('banner.readOnly');
  return (
    <div className="read-only-banner" role="status">
      <p>
        {text}{' '}
        {workspace.status === 'closed' && workspace.permissions['workspace.close'] === 'all' ? (
          <Link to={`/w/${workspace.slug}/settings#close-title`}>{t('banner.closedOwner')}</Link>
        ) : null}
      </p>
    </div>
  );
}
