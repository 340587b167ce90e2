import type { Locale } from '@brobygger/i18n';
import type { TFunction } from 'i18next';
import { AG_GRID_LOCALE_DA_COMMUNITY } from './ag-grid-locale-da.ts';
import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  DateFilterModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  themeQuartz,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

/**
 * Only the AG Grid features the roster grids use, registered once, so the bundle carries no
 * more of AG Grid than that. Not its CSV export: import-export/export-csv.ts writes the file. In development the validation module names any module a new
 * feature forgets.
 */
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  RowApiModule,
  RenderApiModule,
  ScrollApiModule,
  ColumnApiModule,
  TextEditorModule,
  NumberEditorModule,
  SelectEditorModule,
  CheckboxEditorModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  QuickFilterModule,
  RowSelectionModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  LocaleModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

/** Quartz in the app's colours and font. */
export const gridTheme = themeQuartz.withParams({
  accentColor: '#1f5f8b',
  fontFamily: 'inherit',
  foregroundColor: '#1d2433',
  headerFontWeight: 600,
  wrapperBorderRadius: 10,
  // Dense enough for 12 or more rows on a 1280x720 laptop, with room for a focus ring.
  rowVerticalPaddingScale: 0.6,
  headerVerticalPaddingScale: 0.6,
});

/**
 * AG Grid's own texts (filter menus, "no rows"): Danish from its locale package (the keys
 * Community uses, ag-grid-locale-da.ts), English built in, and on top our corrections from `grid:agGrid`. Screen readers hear some of these: the
 * Danish package leaves "Filter Input" in English, so the floating filter of "Navn" was called
 * "Navn Filter Input"; ours say "Navn (filter)". Its date placeholder is ISO; ours is the UI's.
 */
export const gridLocaleText = (locale: Locale, t: TFunction): Record<string, string> => ({
  ...(locale === 'da' ? AG_GRID_LOCALE_DA_COMMUNITY : {}),
  ...(t('grid:agGrid', { returnObjects: true }) as Record<string, string>),
});
