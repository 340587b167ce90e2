import { DEFAULT_LOCALE, isLocale, translate } from '@brobygger/i18n';
import type { MetaArgs, MetaDescriptor } from '@remix-run/node';

/**
 * A page title in the user's language: "Frivillige · Testkommune · Brobygger". Meta functions
 * run outside React, so the language comes from the root loader's data, not from a hook.
 */
export function titleMeta(key: string) {
  return ({ matches }: MetaArgs): MetaDescriptor[] => {
    const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined;
    const layout = matches.find((m) => m.id === 'routes/w.$tenant')?.data as
      { workspace?: { name: string } } | undefined;
    const t = translate(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
    return [{ title: [t(key), layout?.workspace?.name, 'Brobygger'].filter(Boolean).join(' · ') }];
  };
}
