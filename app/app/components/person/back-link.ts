import { safeRedirect } from '../../lib/safe-redirect.ts';

/** The query parameter a link to a person's page names the page it was opened from with. */
export const FROM_PARAM = 'from';

/** A link to a person's page that leads back to `from` (a course's page, say) rather than to the roster. */
export const personHref = (workspace: string, roster: 'volunteers' | 'participants', id: string, from?: string) =>
  `/w/${workspace}/${roster}/${id}${from ? `?${FROM_PARAM}=${encodeURIComponent(from)}` : ''}`;

/**
 * Where the page's back link goes: the page named by `?from=`, when it is a page of the same
 * workspace (never another site or workspace: the parameter is the visitor's to edit), else null.
 */
export function backFrom(requestUrl: string, workspace: string): string | null {
  const url = new URL(requestUrl);
  const from = url.searchParams.get(FROM_PARAM);
  if (!from) return null;
  const path = safeRedirect(from, url.origin, '');
  return path.startsWith(`/w/${workspace}/`) ? path : null;
}
