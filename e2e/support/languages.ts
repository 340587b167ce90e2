import type { test as base } from '@playwright/test';

export type Language = 'da' | 'en';

/**
 * Declares the tests in `body` once per language: the browser asks for it, and the `lng` cookie
 * (what the language switcher sets) picks it on the server at `baseUrl`.
 */
export function inEachLanguage(
  test: Pick<typeof base, 'describe' | 'use' | 'beforeEach'>,
  baseUrl: string,
  body: (lng: Language) => void,
) {
  for (const lng of ['da', 'en'] as const) {
    test.describe(`in ${lng === 'da' ? 'Danish' : 'English'}`, () => {
      test.use({ locale: lng === 'da' ? 'da-DK' : 'en-GB' });
      test.beforeEach(async ({ context }) => {
        await context.addCookies([{ name: 'lng', value: lng, url: baseUrl }]);
      });
      body(lng);
    });
  }
}
