import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './form.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

/** The frame of the signed-out pages: brand, heading, an optional lead, the content, the language switch. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('common:appName')}</p>
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
        {children}
        <LanguageSwitcher />
      </div>
    </main>
  );
}

/** The e-mail field of the sign-in forms, focused first and filled in again after an error. */
export function EmailField({ defaultValue }: { defaultValue?: string | undefined }) {
  const { t } = useTranslation('auth');
  return (
    <Field
      label={t('email')}
      name="email"
      type="email"
      autoComplete="username"
      defaultValue={defaultValue}
      required
      autoFocus
    />
  );
}
