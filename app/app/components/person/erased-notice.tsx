import { useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * What the roster says after a person was erased from their page (the page itself is gone):
 * `?erased=participant|volunteer`, set by the erasure's redirect.
 */
export function ErasedNotice() {
  const { t } = useTranslation('people');
  const [params] = useSearchParams();
  const kind = params.get('erased');
  if (kind !== 'participant' && kind !== 'volunteer') return null;
  return (
    <p className="notice" role="status">
      {t(`privacy.erased.${kind}`)}
    </p>
  );
}
