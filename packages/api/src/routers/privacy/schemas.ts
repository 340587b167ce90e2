import { z } from 'zod';

/** One person, by id; any text that is not a UUID names no one and is answered "not found". */
export const ZPersonRef = z.object({ id: z.string().max(100) });

/**
 * The export file. Its sections differ per kind and are described by its own `labels`; the API
 * checks the envelope and passes the sections through as the database built them.
 */
export const ZPersonExport = z
  .object({
    format: z.literal('brobygger.person-export'),
    formatVersion: z.literal(1),
    kind: z.enum(['participant', 'volunteer']),
    exportedAt: z.string(),
    workspace: z.string(),
    language: z.string(),
    labels: z.object({ sections: z.record(z.string(), z.string()), fields: z.record(z.string(), z.string()) }),
    person: z.record(z.string(), z.unknown()),
    changeHistory: z.array(z.record(z.string(), z.unknown())),
    accessLog: z.array(z.record(z.string(), z.unknown())),
  })
  // The sections of each kind (enrolments, expenses, ...), named in `labels.sections`.
  .loose();
export type PersonExport = z.infer<typeof ZPersonExport>;

/** Months an ended participant or stopped volunteer is kept; null: until someone erases them. */
const RANGE = 'errors:retention_months_range';
export const ZRetentionMonths = z
  .number({ error: RANGE })
  .int({ error: RANGE })
  .min(1, { error: RANGE })
  .max(240, { error: RANGE })
  .nullable();

export const ZRetention = z.object({
  months: ZRetentionMonths,
  lastRun: z.object({ ranAt: z.date(), participants: z.number().int(), volunteers: z.number().int() }).nullable(),
});
export type Retention = z.infer<typeof ZRetention>;
