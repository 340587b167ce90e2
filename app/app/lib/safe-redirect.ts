/** Control characters (browsers silently drop tabs and newlines inside URLs) and backslashes. */
const isUnsafe = (s: string) => [...s].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to send someone after signing in or switching language: a path on this app, or the
 * fallback. The target is resolved against the app's own address exactly as a browser would and
 * must keep its origin, so `//evil.example`, `/\t/evil.example` and their relatives cannot leave
 * the site. The result is a path, never `//...`, which a browser would read as another host.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  appUrl: string,
  fallback = '/',
): string {
  if (typeof to !== 'string' || isUnsafe(to)) return fallback;
  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(to, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  // Only an absolute path or this app's own full address: no `w/relative`, no `javascript:`.
  if (!to.startsWith('/') && !to.startsWith(`${base.origin}/`)) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  return path.startsWith('//') ? fallback : path;
}
