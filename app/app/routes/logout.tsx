import { redirect, type ActionFunctionArgs } from '@remix-run/node';

export async function action({ request, context }: ActionFunctionArgs) {
  return redirect('/login', { headers: await context.services.auth.signOut(request) });
}

export const loader = () => redirect('/');
