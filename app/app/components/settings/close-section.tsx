import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import type { Workspace } from '@brobygger/api';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import type { ActionResult } from '../../lib/api.server.ts';
import { useLocale } from '../../lib/i18n.tsx';
import { Field, FormMessage } from '../form.tsx';

/** The lists whose grids export (CSV and Excel, from the grid's menu), offered before closing. */
const EXPORTABLE = [
  ['volunteers', 'common:nav.volunteers'],
  ['participants', 'common:nav.participants'],
  ['courses', 'common:nav.courses'],
  ['matches', 'common:nav.matches'],
  ['meetings', 'common:nav.meetings'],
  ['expenses', 'common:nav.expenses'],
] as const;

/**
 * The owner closes the workspace (typing its address to confirm), after being offered the
 * exports; while it waits for deletion, the owner can reopen it here.
 */
export function CloseSection({ workspace, retentionDays }: { workspace: Workspace; retentionDays: number }) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state !== 'idle';
  const mine = result?.intent === 'close' || result?.intent === 'reopen' ? result : undefined;
  const mayClose = workspace.permissions['workspace.close'] === 'all';
  return (
    <section className="settings-section danger-zone" aria-labelledby="close-title">
      <h2 id="close-title">{t('close.title')}</h2>
      {workspace.deleteAfter ? (
        <>
          <p>{t('close.closedText', { date: formatDate(workspace.deleteAfter, locale) })}</p>
          {mayClose ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reopen" />
              <button type="submit" className="primary" disabled={busy}>
                {t('close.reopen')}
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <>
          <p>{t('close.intro', { days: retentionDays })}</p>
          <h3>{t('close.exportFirst')}</h3>
          <p>{t('close.exportIntro')}</p>
          <ul className="export-links">
            {EXPORTABLE.map(([path, label]) => (
              <li key={path}>
                <Link to={`/w/${workspace.slug}/${path}`}>{t(label)}</Link>
              </li>
            ))}
          </ul>
          {mayClose ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="close" />
              <Field
                label={t('close.confirmLabel', { slug: workspace.slug })}
                name="confirmSlug"
                autoComplete="off"
                spellCheck={false}
                required
                errors={mine && !mine.ok ? [mine.error] : undefined}
              />
              <button type="submit" className="danger" disabled={busy}>
                {t('close.submit')}
              </button>
            </Form>
          ) : (
            <p className="muted">{t('close.ownerOnly')}</p>
          )}
        </>
      )}
      {mine?.ok && mine.intent === 'reopen' ? <FormMessage success={t('close.reopened')} /> : null}
    </section>
  );
}
