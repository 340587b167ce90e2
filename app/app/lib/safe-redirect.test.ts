import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.ts';

const APP = 'https://app.brobygger.dk';

describe('safeRedirect', () => {
  it.each([
    ['/w/frederiksberg/volunteers', '/w/frederiksberg/volunteers'],
    ['/w/x?tab=2#top', '/w/x?tab=2#top'],
    ['/', '/'],
    [`${APP}/w/x`, '/w/x'],
  ])('keeps the app’s own path %s', (input, expected) => {
    expect(safeRedirect(input, APP)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    '/.//evil.example',
    '/./\t/evil.example',
    'https://evil.example/w',
    'http://app.brobygger.dk/w',
    'https://app.brobygger.dk.evil.example/',
    'https://app.brobygger.dk@evil.example/',
    'javascript:alert(1)',
    ' /w',
    '\u0000/w',
    '/w\u007f',
    'w/relative',
    '',
    null,
    undefined,
  ])('sends %j to the fallback', (input) => {
    expect(safeRedirect(input, APP, '/home')).toBe('/home');
  });
});
