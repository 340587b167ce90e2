import { z } from 'zod';

/**
 * The grids whose layout a member may save, one entry per roster page (some are still coming).
 * A fixed set, so nobody can fill grid_preferences with made-up names.
 */
export const GRID_IDS = [
  'volunteers',
  'participants',
  'courses',
  'sessions',
  'enrolments',
  'attendance',
  'matches',
] as const;
export type GridId = (typeof GRID_IDS)[number];

export const isGridId = (value: string): value is GridId => (GRID_IDS as readonly string[]).includes(value);

/** Typed as a string for callers (pages pass their grid's id), checked against the set. */
export const ZGridId = z.string().refine(isGridId, 'errors:invalid_grid');
