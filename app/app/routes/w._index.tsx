import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { NEW_WORKSPACE } from './w.$tenant.tsx';

/** The workspace switcher's no-JavaScript fallback: GET /w?slug=... */
export function loader({ request }: LoaderFunctionArgs) {
  const slug = new URL(request.url).searchParams.get('slug');
  if (slug === NEW_WORKSPACE) return redirect('/new-workspace');
  return redirect(slug && /^[a-z0-9-]+$/.test(slug) ? `/w/${slug}` : '/');
}
