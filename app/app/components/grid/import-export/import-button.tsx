import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDialogProps } from './import-dialog.tsx';

// The dialog, its mapping and preview (~4 KB gzipped) load when the button is first pressed,
// not with the grid: most visits never import.
const ImportDialog = lazy(() => import('./import-dialog.tsx').then((m) => ({ default: m.ImportDialog })));

/**
 * "Import …": opens the import dialog (import-dialog.tsx). Each opening is a fresh dialog, so a
 * cancelled import leaves nothing behind.
 */
export function ImportButton({ disabled, ...dialog }: ImportDialogProps) {
  const { t } = useTranslation('import');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={disabled} aria-haspopup="dialog">
        {t('open')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ImportDialog {...dialog} onClosed={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
