import { router } from '../../trpc.ts';
import { listAccessLog } from './list-access-log.ts';

export const accessLogRouter = router({
  list: listAccessLog,
});
