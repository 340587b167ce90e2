import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '../components/auth-card.tsx';

export const meta: MetaFunction = () => [{ title: 'Brobygger' }];

/**
 * Where deleting one's account ends (decision 040): signed out, with what happened said once more.
 * It shows nothing of the account, so anyone may open the address.
 */
export default function AccountDeleted() {
  const { t } = useTranslation('account');
  return (
    <AuthCard title={t('deleted.title')}>
      <p role="status">{t('deleted.text')}</p>
      <p>
        <Link to="/login">{t('deleted.signIn')}</Link>
      </p>
    </AuthCard>
  );
}
