import { z } from 'zod';
import { gridIdOf } from '../../rosters/kit/define.ts';
import { ROSTERS } from '../../rosters/registry.ts';

/**
 * The grids whose layout a member may save: one per roster, named after it (`gridIdOf`).
 * A fixed set, so nobody can fill grid_preferences with made-up names.
 */
export const GRID_IDS = Object.values(ROSTERS).map((r) => gridIdOf(r.definition.name));
export type GridId = string;

export const isGridId = (value: string): value is GridId => (GRID_IDS as readonly string[]).includes(value);

/** Typed as a string for callers (pages pass their grid's id), checked against the set. */
export const ZGridId = z.string().refine(isGridId, 'errors:invalid_grid');
