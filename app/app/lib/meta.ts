import { DEFAULT_LOCALE, isLocale, translate } from '@brobygger/i18n';
import type { MetaArgs, MetaDescriptor } from '@remix-run/node';
import { isRouteErrorResponse } from '@remix-run/react';
import { errorKeys } from './error-keys.ts';

/**
 * A page title in the user's language: "Frivillige · Testkommune · Brobygger". Meta functions
 * run outside React, so the language comes from the root loader's data, not from a hook. A page
 * that failed is titled like its error page ("Siden findes ikke · Brobygger"), so the tab never
 * names a page that is not there. Without a key, the title is the app's name alone.
 * `values` interpolates the key from the route's own loader data.
 */
export function titleMeta<Data = unknown>(key?: string, values?: (data: Data) => Record<string, string>) {
  return ({ matches, data, error }: MetaArgs): MetaDescriptor[] => {
    const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined;
    const layout = matches.find((m) => m.id === 'routes/w.$tenant')?.data as
      { workspace?: { name: string } } | undefined;
    const t = translate(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
    let page: string | undefined;
    if (error) page = t(errorKeys(isRouteErrorResponse(error) ? error.status : 500).title);
    else if (key) page = data && values ? t(key, values(data as Data)) : t(key);
    return [{ title: [page, layout?.workspace?.name, 'Brobygger'].filter(Boolean).join(' · ') }];
  };
}
