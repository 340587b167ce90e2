import {
  OFFER_LANGUAGES,
  TEXT_SECTIONS,
  type Bilingual,
  type BilingualField,
  type ScopeFigures,
} from '@brobygger/api/offer';
import type { OfferPage } from '@brobygger/api';
import { Form, useNavigation } from '@remix-run/react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../form.tsx';
import { fieldName } from './offer-form-data.ts';
import { Figures } from './offer-entry.tsx';
import { scopeFigures, type Translate } from './read-offer.ts';
import { useLocale } from '../../lib/i18n.tsx';

type Errors = Record<string, string[] | undefined> | undefined;
const EMPTY: Bilingual = { da: null, en: null };

/**
 * The offer description's form: the basics, then each of the catalogue's questions with a Danish
 * and an English text side by side (stacked on a phone), the scope figures the records give, and
 * the contact for the public. One save for everything, checked against the version it started from.
 */
export function OfferForm({ page, errors }: { page: OfferPage; errors: Errors }) {
  const { t } = useTranslation('offer');
  const busy = useNavigation().state !== 'idle';
  const offer = page.offer;
  const sections = offer?.sections;
  return (
    <Form method="post" className="offer-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={offer?.version ?? ''} />
      <fieldset>
        <legend>{t('page.basics')}</legend>
        <Field
          label={t('page.name')}
          name="name"
          required
          maxLength={200}
          defaultValue={offer?.name ?? ''}
          errors={errors?.name}
        />
        {page.ownMunicipality ? (
          <p>{t('page.ownMunicipality', { municipality: page.ownMunicipality })}</p>
        ) : (
          <Field
            label={t('page.municipality')}
            name="municipality"
            maxLength={100}
            hint={t('page.municipalityHint')}
            defaultValue={offer?.municipality ?? ''}
            errors={errors?.municipality}
          />
        )}
        <Field
          label={t('page.startedYear')}
          name="startedYear"
          type="number"
          inputMode="numeric"
          min={1900}
          max={new Date().getFullYear()}
          step={1}
          hint={t('page.startedYearHint')}
          defaultValue={offer?.startedYear ?? ''}
          errors={errors?.startedYear}
        />
      </fieldset>
      {TEXT_SECTIONS.slice(0, 2).map((section) => (
        <BilingualFieldset key={section} field={section} value={sections?.[section] ?? EMPTY} errors={errors} />
      ))}
      <BilingualFieldset field="scopeNote" value={sections?.scopeNote ?? EMPTY} errors={errors}>
        <ScopeFiguresList scope={page.scope} />
      </BilingualFieldset>
      {TEXT_SECTIONS.slice(2).map((section) => (
        <BilingualFieldset key={section} field={section} value={sections?.[section] ?? EMPTY} errors={errors} />
      ))}
      <fieldset>
        <legend>{t('page.contact')}</legend>
        <Field
          label={t('page.contactName')}
          name="contact.name"
          maxLength={200}
          defaultValue={offer?.contact.name ?? ''}
          errors={errors?.['contact.name']}
        />
        <Field
          label={t('page.contactEmail')}
          name="contact.email"
          type="email"
          maxLength={200}
          defaultValue={offer?.contact.email ?? ''}
          errors={errors?.['contact.email']}
        />
        <Field
          label={t('page.contactPhone')}
          name="contact.phone"
          type="tel"
          maxLength={40}
          defaultValue={offer?.contact.phone ?? ''}
          errors={errors?.['contact.phone']}
        />
        <Field
          label={t('page.website')}
          name="contact.website"
          type="url"
          maxLength={300}
          placeholder="https://"
          defaultValue={offer?.contact.website ?? ''}
          errors={errors?.['contact.website']}
        />
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t('page.save')}
      </button>
    </Form>
  );
}

/** One question of the catalogue: its heading, the question itself, and a text per language. */
function BilingualFieldset({
  field,
  value,
  errors,
  children,
}: {
  field: BilingualField;
  value: Bilingual;
  errors: Errors;
  children?: ReactNode;
}) {
  const { t } = useTranslation('offer');
  const questionId = useId();
  const isScope = field === 'scopeNote';
  return (
    <fieldset aria-describedby={questionId}>
      <legend>{t(isScope ? 'sections.scope' : `sections.${field}`)}</legend>
      <p id={questionId} className="offer-question muted">
        {t(isScope ? 'page.scopeIntro' : `questions.${field}`)}
      </p>
      {children}
      <div className="offer-languages">
        {OFFER_LANGUAGES.map((language) => (
          <LanguageText
            key={language}
            name={fieldName('sections', field, language)}
            label={
              isScope
                ? t(language === 'da' ? 'page.inDanish' : 'page.inEnglish', { field: t('page.scopeNote') })
                : t(language === 'da' ? 'page.danish' : 'page.english')
            }
            language={language}
            value={value[language]}
            maxLength={isScope ? 1000 : 4000}
            errors={errors?.[fieldName('sections', field, language)]}
          />
        ))}
      </div>
    </fieldset>
  );
}

function LanguageText({
  name,
  label,
  language,
  value,
  maxLength,
  errors,
}: {
  name: string;
  label: string;
  language: string;
  value: string | null;
  maxLength: number;
  errors: string[] | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        lang={language}
        maxLength={maxLength}
        defaultValue={value ?? ''}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.map((e) => t(e)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The live scope figures, as the catalogue will show them ("<5" for 1 to 4). */
function ScopeFiguresList({ scope }: { scope: ScopeFigures }) {
  const { t } = useTranslation('offer');
  return <Figures figures={scopeFigures(scope, useLocale(), t as Translate)} />;
}
