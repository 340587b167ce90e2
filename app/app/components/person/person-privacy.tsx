import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../routes/w.$tenant.tsx';
import { Field, FormMessage } from '../form.tsx';
import type { PersonActionData } from './person-erase.server.ts';

export type PersonKindPath = 'volunteers' | 'participants';

/**
 * Access and erasure on a person's page (decision 024), for those who may: the person's data as
 * a file, and their erasure everywhere once the name has been typed. Erasure cannot be undone, so
 * the button stays disabled until the name matches.
 */
export function PersonPrivacy({ kind, id, name }: { kind: PersonKindPath; id: string; name: string }) {
  const { t } = useTranslation('people');
  const workspace = useWorkspace();
  const navigation = useNavigation();
  const failed = useActionData<PersonActionData>();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const mayExport = workspace.permissions['people.export'] === 'all';
  const mayErase = workspace.permissions['people.erase'] === 'all';
  if (!mayExport && !mayErase) return null;
  const matches = typed.trim() === name.trim();
  return (
    <section aria-labelledby="person-privacy">
      <h2 id="person-privacy">{t('privacy.title')}</h2>
      <p className="muted">{t('privacy.intro', { workspace: workspace.name })}</p>
      <div className="person-privacy-actions">
        {mayExport ? (
          <a className="button-link" href={`/w/${workspace.slug}/${kind}/${id}/export`} download>
            {t('privacy.export')}
          </a>
        ) : null}
        {mayErase && !confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('privacy.erase')}
          </button>
        ) : null}
      </div>
      {mayErase && confirming ? (
        <Form method="post" className="card person-erase" aria-labelledby="person-erase-title">
          <h3 id="person-erase-title">{t('privacy.eraseTitle', { name })}</h3>
          <p>{t('privacy.eraseExplain')}</p>
          <input type="hidden" name="intent" value="erase" />
          <Field
            label={t('privacy.confirmLabel', { name })}
            name="confirm"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            hint={typed && !matches ? t('privacy.confirmMismatch') : undefined}
          />
          <FormMessage error={failed && !failed.ok ? failed.error : undefined} />
          <div className="person-privacy-actions">
            <button type="submit" className="danger" disabled={!matches || navigation.state !== 'idle'}>
              {t('privacy.confirmButton')}
            </button>
            <button type="button" onClick={() => (setConfirming(false), setTyped(''))}>
              {t('privacy.cancel')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
