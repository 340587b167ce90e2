import type { LoaderFunctionArgs } from '@remix-run/node';
import { reportFileLoader } from '../components/programmes/report-file/report-loader.server.ts';

/** The funder report as a PDF, drawn on the server (decision 025). */
export const loader = (args: LoaderFunctionArgs) => reportFileLoader(args, 'pdf');
