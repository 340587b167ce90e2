import { GeneralErrorBoundary } from '../components/error-boundary.tsx';

/** Any unknown path renders the shared not-found page with a real 404 status. */
export function loader() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
