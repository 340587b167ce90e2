import { redirect, type LoaderFunctionArgs } from '@remix-run/node';

/** The workspace switcher's no-JavaScript fallback: GET /w?slug=... */
export function loader({ request }: LoaderFunctionArgs) {
  const slug = new URL(request.url).searchParams.get('slug');
  return redirect(slug && /^[a-z0-9-]+$/.test(slug) ? `/w/${slug}` : '/');
}
