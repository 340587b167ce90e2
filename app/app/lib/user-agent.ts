/**
 * A person-readable name for a browser's User-Agent ("Firefox", "Windows"), enough to tell one's
 * own devices apart in the session list. Order matters: Edge and Opera also say "Chrome", Chrome
 * also says "Safari", and Android also says "Linux".
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrom(e|ium)\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

const first = (table: [RegExp, string][], ua: string) => table.find(([pattern]) => pattern.test(ua))?.[1];

export function describeUserAgent(ua: string | null): { browser: string; system: string } | null {
  if (!ua) return null;
  const browser = first(BROWSERS, ua);
  const system = first(SYSTEMS, ua);
  return browser && system ? { browser, system } : null;
}
