import { z } from 'zod';

/**
 * The region dashboard's shapes, browser-safe (`@brobygger/api/region-dashboard`): the UI and the
 * XLSX export read the same metric list and periods as the API.
 */
export const REGION_METRICS = [
  'volunteersActive',
  'participantsReached',
  'sessionsHeld',
  'attendanceRate',
  'activeMatches',
] as const;
export type RegionMetric = (typeof REGION_METRICS)[number];

export const REGION_PERIODS = ['last4', 'last8', 'thisYear', 'lastYear'] as const;
export const ZRegionPeriod = z.enum(REGION_PERIODS);
export type RegionPeriod = z.output<typeof ZRegionPeriod>;

/**
 * One figure; `partnerId` null is the total of the partners whose cell is shown (never
 * suppressed: it leaves hidden cells out). `value` is null when suppressed.
 */
export const ZRegionCell = z.object({
  partnerId: z.string().nullable(),
  quarter: z.string(),
  metric: z.enum(REGION_METRICS),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export type RegionCell = z.output<typeof ZRegionCell>;

export const ZRegionDashboard = z.object({
  period: ZRegionPeriod,
  /** First days of the quarters, oldest first (YYYY-MM-DD). */
  quarters: z.array(z.string()),
  partners: z.array(z.object({ id: z.string(), name: z.string() })),
  cells: z.array(ZRegionCell),
});
export type RegionDashboard = z.output<typeof ZRegionDashboard>;

/** "2026-04-01" -> "2026 Q2". */
export const quarterLabel = (quarter: string) =>
  `${quarter.slice(0, 4)} Q${Math.floor((Number(quarter.slice(5, 7)) - 1) / 3) + 1}`;

/** The cell of one partner (or the total: null), quarter and metric. */
export const cellOf = (d: RegionDashboard, partnerId: string | null, quarter: string, metric: RegionMetric) =>
  d.cells.find((c) => c.partnerId === partnerId && c.quarter === quarter && c.metric === metric);

/** How many partners' cells of a quarter and metric are hidden, and so not in its total. */
export const hiddenPartners = (d: RegionDashboard, quarter: string, metric: RegionMetric) =>
  d.cells.filter((c) => c.partnerId !== null && c.quarter === quarter && c.metric === metric && c.suppressed).length;
