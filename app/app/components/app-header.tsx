import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher.tsx';

/** The first thing a keyboard reaches on a signed-in page: straight to the content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t('skipToContent')}
    </a>
  );
}

/** The header's right end: the account page (named with who is signed in), language, sign out. */
export function UserRow({ email }: { email: string }) {
  const { t } = useTranslation();
  return (
    <div className="user-row">
      {/* Short on screen so the header stays one line; the full address is in its name and title. */}
      <Link
        to="/account"
        className="account-link"
        title={t('signedInAs', { email })}
        aria-label={t('accountLink', { email })}
      >
        {t('account')}
      </Link>
      <LanguageSwitcher />
      <Form method="post" action="/logout">
        <button type="submit" className="link-button">
          {t('signOut')}
        </button>
      </Form>
    </div>
  );
}
