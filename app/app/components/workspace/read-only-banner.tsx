import { Link } from '@remix-run/react';
import type { Workspace } from '@brobygger/api';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';

/**
 * On every page of a read-only workspace: why it is read-only and, when closed, the day it is
 * deleted. Whoever can undo it is pointed to where: a closed workspace's owner to the settings,
 * a billing-locked workspace's owners and admins to the billing page (this banner says it for
 * them too, so the BillingBanner only warns before the lock).
 */
export function ReadOnlyBanner({ workspace, billingPath }: { workspace: Workspace; billingPath: string }) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  const text =
    workspace.readOnlyReason === 'suspended'
      ? t('banner.suspended', { reason: workspace.suspendedReason ?? '' })
      : workspace.readOnlyReason === 'closed' && workspace.deleteAfter
        ? t('banner.closed', { date: formatDate(workspace.deleteAfter, locale) })
        : workspace.readOnlyReason === 'billing'
          ? t('billing:banner.locked')
          : workspace.readOnly
            ? t('banner.readOnly')
            : null;
  if (!text) return null;
  const can = (action: keyof Workspace['permissions']) => workspace.permissions[action] === 'all';
  return (
    <div className="read-only-banner" role="status">
      <p>
        {text}{' '}
        {workspace.readOnlyReason === 'closed' && can('workspace.close') ? (
          <Link to={`/w/${workspace.slug}/settings#close-title`}>{t('banner.closedOwner')}</Link>
        ) : null}
        {workspace.readOnlyReason === 'billing' && can('billing.manage') ? (
          <Link to={billingPath}>{t('billing:banner.open')}</Link>
        ) : null}
      </p>
    </div>
  );
}
