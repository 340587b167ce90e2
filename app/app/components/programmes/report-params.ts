import { REPORT_LANGUAGES, type ReportLanguage } from '@brobygger/api/programmes';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The report's period and language from a page's or a file's query (`?from&to&lang`). A period
 * left out is the programme's own (the API's default); a language left out is the UI's.
 */
export function reportParams(query: URLSearchParams, uiLanguage: ReportLanguage) {
  const date = (name: string) => {
    const value = query.get(name) ?? '';
    return ISO_DATE.test(value) ? value : undefined;
  };
  const lang = query.get('lang');
  const language = (REPORT_LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as ReportLanguage) : uiLanguage;
  return { from: date('from'), to: date('to'), language };
}
