import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportPersonLoader } from '../components/person/person-erase.server.ts';

/** One volunteer's data as a JSON file (decision 024): a resource route, linked from their page. */
export const loader = (args: LoaderFunctionArgs) => exportPersonLoader(args, 'volunteer');
