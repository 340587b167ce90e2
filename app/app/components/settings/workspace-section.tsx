import { Form, useActionData, useNavigation } from '@remix-run/react';
import type { WorkspaceSettingsRow } from '@brobygger/api';
import { LOCALES } from '@brobygger/i18n/locale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionResult } from '../../lib/api.server.ts';
import { Field, FormMessage } from '../form.tsx';

/**
 * The workspace's own details (owners and admins): name, contact, CVR, EAN and the language of
 * mail sent from it. Saved with the version it was read at: when someone else saved meanwhile the
 * loader's new values replace the form (it is keyed by version) and the message says so.
 */
export function WorkspaceSection({ settings, disabled }: { settings: WorkspaceSettingsRow; disabled: boolean }) {
  const { t } = useTranslation('workspace');
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state !== 'idle';
  const mine = result?.intent === 'workspace' ? result : undefined;
  const errors = mine && !mine.ok ? mine.fieldErrors : undefined;
  const localeId = useId();
  const message =
    mine && !mine.ok && !mine.fieldErrors
      ? mine.error === 'errors:stale_version'
        ? 'workspace:settings.conflict'
        : mine.error
      : undefined;
  return (
    <section className="settings-section" aria-labelledby="workspace-settings-title">
      <h2 id="workspace-settings-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <Form method="post" className="workspace-settings-form" key={settings.version} noValidate>
        <fieldset disabled={disabled}>
          <input type="hidden" name="intent" value="workspace" />
          <input type="hidden" name="version" value={settings.version} />
          <Field label={t('fields.name')} name="name" defaultValue={settings.name} required errors={errors?.name} />
          <Field
            label={t('fields.contactName')}
            name="contactName"
            autoComplete="name"
            defaultValue={settings.contactName ?? ''}
            errors={errors?.contactName}
          />
          <Field
            label={t('fields.contactEmail')}
            name="contactEmail"
            type="email"
            autoComplete="email"
            defaultValue={settings.contactEmail ?? ''}
            errors={errors?.contactEmail}
          />
          <Field
            label={t('fields.contactPhone')}
            name="contactPhone"
            type="tel"
            autoComplete="tel"
            defaultValue={settings.contactPhone ?? ''}
            errors={errors?.contactPhone}
          />
          <Field
            label={t('fields.cvr')}
            name="cvr"
            inputMode="numeric"
            hint={t('fields.cvrHint')}
            defaultValue={settings.cvr ?? ''}
            errors={errors?.cvr}
          />
          <Field
            label={t('fields.ean')}
            name="ean"
            inputMode="numeric"
            hint={t('fields.eanHint')}
            defaultValue={settings.ean ?? ''}
            errors={errors?.ean}
          />
          <div className="field">
            <label htmlFor={localeId}>{t('fields.locale')}</label>
            <select id={localeId} name="locale" defaultValue={settings.locale}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`fields.locales.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t('settings.save')}
          </button>
        </fieldset>
      </Form>
      <FormMessage error={message} success={mine?.ok ? t('settings.saved') : undefined} />
    </section>
  );
}
