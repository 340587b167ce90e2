import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadAllLanguages } from '../../../lib/i18n.tsx';
import type { ImportDialogProps } from './import-dialog.tsx';

/**
 * "Import …": opens the import dialog (import-dialog.tsx). Each opening is a fresh dialog, so a
 * cancelled import leaves nothing behind.
 */
export function ImportButton({ disabled, ...dialog }: ImportDialogProps) {
  const { t, i18n } = useTranslation('import');
  const [open, setOpen] = useState(false);
  // The dialog, its mapping and preview (~4 KB gzipped) load when the button is first pressed,
  // not with the grid: most visits never import. So do both languages' texts, which it reads
  // column headers in (the page came with its own language only).
  const [ImportDialog] = useState(() =>
    lazy(() =>
      Promise.all([import('./import-dialog.tsx'), loadAllLanguages(i18n)]).then(([m]) => ({ default: m.ImportDialog })),
    ),
  );
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
