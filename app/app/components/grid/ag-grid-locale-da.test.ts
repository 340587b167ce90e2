import { AG_GRID_LOCALE_DK } from '@ag-grid-community/locale';
import { describe, expect, it } from 'vitest';
import { communityLocaleDa } from '../../../scripts/ag-grid-locale-da.ts';
import { AG_GRID_LOCALE_DA_COMMUNITY } from './ag-grid-locale-da.ts';

describe("AG Grid's Danish texts", () => {
  it('are those of @ag-grid-community/locale for every key AG Grid Community names (else: npx tsx app/scripts/ag-grid-locale-da.ts)', () => {
    expect(AG_GRID_LOCALE_DA_COMMUNITY).toEqual(communityLocaleDa());
  });

  it('include what the roster grids show: filter options, the empty grid, the floating filters', () => {
    for (const key of [
      'contains',
      'equals',
      'inRange',
      'before',
      'after',
      'noRowsToShow',
      'loadingOoo',
      'andCondition',
    ])
      expect(AG_GRID_LOCALE_DA_COMMUNITY[key], key).toBe(AG_GRID_LOCALE_DK[key as keyof typeof AG_GRID_LOCALE_DK]);
  });

  it('leave out Enterprise-only features', () => {
    expect(AG_GRID_LOCALE_DA_COMMUNITY).not.toHaveProperty('pivotChartTitle');
    expect(AG_GRID_LOCALE_DA_COMMUNITY).not.toHaveProperty('advancedFilterBuilderTitle');
  });
});
