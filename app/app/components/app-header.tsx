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

/** The header's right end: who is signed in (a link to their account page), language, sign out. */
export function UserRow({ email }: { email: string }) {
  const { t } = useTranslation();
  return (
    <div className="user-row">
      <Link to="/account" className="muted account-link" title={email}>
        {t('signedInAs', { email })}
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
