import { AG_GRID_LOCALE_DK } from '@ag-grid-community/locale';
import type { Locale } from '@brobygger/i18n';
import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CsvExportModule,
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
 * more of AG Grid than that. In development the validation module names any module a new
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
  CsvExportModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

/** Quartz in the app's colours and font. */
export const gridTheme = themeQuartz.withParams({
  accentColor: '#1f5f8b',
  fontFamily: 'inherit',
  foregroundColor: '#1d2433',
  headerFontWeight: 600,
  wrapperBorderRadius: 10,
});

/** AG Grid's own texts (filter menus, "no rows"): Danish from its locale package, English built in. */
export const gridLocaleText = (locale: Locale) => (locale === 'da' ? AG_GRID_LOCALE_DK : undefined);
