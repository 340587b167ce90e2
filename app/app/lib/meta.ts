import { createI18nFrom, DEFAULT_LOCALE, isLocale, type Locale } from '@brobygger/i18n/locale';
import type { TFunction } from 'i18next';
import type { MetaArgs, MetaDescriptor } from '@remix-run/node';
import { isRouteErrorResponse } from '@remix-run/react';
import { errorKeys } from './error-keys.ts';
import type { RootI18nData } from './i18n.tsx';

// One translator per catalogue the root loader sent (a language switch sends another).
const translators = new WeakMap<object, TFunction>();
const NO_TEXTS = {};

/** Titles are translated with the texts that came with the root loader's data, as the page is. */
function translatorOf(root: RootI18nData | undefined): TFunction {
  const locale: Locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const messages = root?.messages ?? NO_TEXTS;
  let t = translators.get(messages);
  if (!t) {
    t = createI18nFrom(locale, { [locale]: messages }).t;
    translators.set(messages, t);
  }
  return t;
}

/**
 * A page title in the user's language: "Frivillige · Testkommune · Brobygger". Meta functions
 * run outside React, so the language comes from the root loader's data, not from a hook. A page
 * that failed is titled like its error page ("Siden findes ikke · Brobygger"), so the tab never
 * names a page that is not there. Without a key, the title is the app's name alone.
 * `values` interpolates the key from the route's own loader data.
 */
export function titleMeta<Data = unknown>(key?: string, values?: (data: Data) => Record<string, string>) {
  return ({ matches, data, error }: MetaArgs): MetaDescriptor[] => {
    const root = matches.find((m) => m.id === 'root')?.data as RootI18nData | undefined;
    const layout = matches.find((m) => m.id === 'routes/w.$tenant')?.data as
      { workspace?: { name: string } } | undefined;
    const t = translatorOf(root);
    let page: string | undefined;
    if (error) page = t(errorKeys(isRouteErrorResponse(error) ? error.status : 500).title);
    else if (key) page = data && values ? t(key, values(data as Data)) : t(key);
    return [{ title: [page, layout?.workspace?.name, 'Brobygger'].filter(Boolean).join(' · ') }];
  };
}
