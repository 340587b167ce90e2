import type { i18n, TFunction } from 'i18next';
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';

/**
 * The two things the app uses from react-i18next, `I18nextProvider` and `useTranslation`, in a
 * few lines; `vite.config.ts` puts this module in its place in the builds (docs/decisions/017,
 * addendum): react-i18next's language-change, suspense and lazy-namespace machinery is for
 * catalogues that load later, and ours never do (one synchronous instance per page language,
 * replaced when the language changes). Unit tests keep the real package: the same API.
 */
const I18nContext = createContext<i18n | null>(null);

export function I18nextProvider({ i18n, children }: { i18n: i18n; children?: ReactNode }) {
  return createElement(I18nContext.Provider, { value: i18n }, children);
}

export function useTranslation(ns?: string | readonly string[]): { t: TFunction; i18n: i18n; ready: true } {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useTranslation outside I18nextProvider');
  // Several namespaces are searched in order, as react-i18next does (the matrix: its own, then the grid's).
  const key = typeof ns === 'string' ? ns : (ns?.join('|') ?? '');
  const t = useMemo(
    () => i18n.getFixedT(null, key ? (key.split('|') as [string, ...string[]]) : null) as TFunction,
    [i18n, key],
  );
  return { t, i18n, ready: true };
}
