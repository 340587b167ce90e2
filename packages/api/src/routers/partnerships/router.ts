import { router } from '../../trpc.ts';
import { listPartnerships } from './list-partnerships.ts';

export const partnershipsRouter = router({ list: listPartnerships });
