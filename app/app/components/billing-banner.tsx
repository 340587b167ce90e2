import { Link, useLocation } from '@remix-run/react';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../lib/i18n.tsx';
import './billing-banner.css';

type Status = { pastDue: boolean; graceEndsAt: string | null; locksWrites: boolean };

/**
 * For owners and admins: the workspace's payment is overdue (writes lock when the grace period
 * ends). Not on the billing page itself, which says it there. Once billing has locked the
 * workspace, the ReadOnlyBanner says so to everyone (with the link for owners and admins).
 */
export function BillingBanner({ status, billingPath }: { status: Status; billingPath: string }) {
  const { t } = useTranslation('billing');
  const locale = useLocale();
  const { pathname } = useLocation();
  if (pathname.startsWith(billingPath)) return null;
  if (status.locksWrites || !status.pastDue || !status.graceEndsAt) return null;
  const text = t('banner.pastDue', { date: formatDate(status.graceEndsAt, locale) });
  return (
    <p className="notice billing-banner" role="status">
      {text} <Link to={billingPath}>{t('banner.open')}</Link>
    </p>
  );
}
