import { LOCALES } from '@brobygger/i18n';
import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../lib/i18n.tsx';

/** Plain form buttons: works without JavaScript, and a screen reader hears "Dansk" / "English". */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/set-language" className="language-switcher" aria-label={t('language.change')}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.map((lng) => (
        <button key={lng} type="submit" name="lng" value={lng} lang={lng} aria-pressed={lng === locale} className="link-button">
          {t(`language.${lng}`)}
        </button>
      ))}
    </Form>
  );
}
