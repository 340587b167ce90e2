/**
 * The translation keys (namespace `errors`) for the error page of a status: its heading and text.
 * Shared by the error boundary and the page title, so that a screen reader hears the same words
 * in the tab's name as on the page.
 */
export function errorKeys(status: number): { title: string; text: string } {
  if (status === 404) return { title: 'errors:notFound.title', text: 'errors:notFound.text' };
  if (status === 503) return { title: 'errors:unavailable.title', text: 'errors:unavailable.text' };
  if (status === 403) return { title: 'errors:forbidden', text: 'errors:notFound.text' };
  return { title: 'errors:unexpected_short', text: 'errors:unexpected' };
}
