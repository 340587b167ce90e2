import { z } from 'zod';
import { ZTimestamp, ZUuid } from '../../domain.ts';

/** How many entries the log page shows: the newest, enough for a review of recent weeks. */
export const ACCESS_LOG_PAGE_SIZE = 200;

export const ZAccessLogEntry = z.object({
  id: ZUuid,
  readAt: ZTimestamp,
  userId: ZUuid,
  /** Null when the reader is no longer a member: the entry stays, their name is not ours to keep. */
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  /** The API procedure that returned the records, e.g. `participants.list`. */
  procedure: z.string(),
  /** How many participants' records it returned. */
  rowCount: z.number().int().nonnegative(),
});
export type AccessLogEntry = z.output<typeof ZAccessLogEntry>;

export const ZAccessLog = z.object({ entries: z.array(ZAccessLogEntry), pageSize: z.number().int() });
