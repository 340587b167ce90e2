import { useFetcher } from '@remix-run/react';
import { TENANT_KINDS, type TenantKind } from '@brobygger/api/roles';
import { compactNumber, isValidCvr, isValidEan, slugFrom } from '@brobygger/api/danish-ids';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../form.tsx';

type FieldErrors = Record<string, string[] | undefined> | undefined;
export type NewWorkspaceValues = Partial<Record<'name' | 'kind' | 'slug' | 'cvr' | 'ean', string>>;

/** Milliseconds after the last key press before the address is checked. */
const SLUG_CHECK_DELAY = 300;

/**
 * The workspace part of signing up and of "create another workspace": name, kind, address (checked
 * while typing), CVR and, for a municipality or region, EAN. The numbers are checked in the browser
 * when a field is left, and again by the server, which has the last word.
 */
export function NewWorkspaceFields({ errors, values }: { errors: FieldErrors; values?: NewWorkspaceValues }) {
  const { t } = useTranslation('workspace');
  const [kind, setKind] = useState<TenantKind>((values?.kind as TenantKind) ?? 'association');
  const [name, setName] = useState(values?.name ?? '');
  const [slug, setSlug] = useState(values?.slug ?? '');
  // The address follows the name until the person types one of their own.
  const slugTouched = useRef(!!values?.slug);
  const kindId = useId();
  return (
    <>
      <Field
        label={t('fields.name')}
        name="name"
        required
        autoComplete="organization"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugTouched.current) setSlug(slugFrom(e.target.value));
        }}
        errors={errors?.name}
      />
      <div className="field">
        <label htmlFor={kindId}>{t('fields.kind')}</label>
        <select id={kindId} name="kind" value={kind} onChange={(e) => setKind(e.target.value as TenantKind)}>
          {TENANT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`fields.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <SlugField
        value={slug}
        onChange={(value) => {
          slugTouched.current = true;
          setSlug(value);
        }}
        serverErrors={errors?.slug}
      />
      <NumberField
        name="cvr"
        label={t('fields.cvr')}
        hint={t('fields.cvrHint')}
        check={isValidCvr}
        invalid="errors:cvr_invalid"
        defaultValue={values?.cvr}
        serverErrors={errors?.cvr}
        required
      />
      {kind === 'association' ? null : (
        <NumberField
          name="ean"
          label={t('fields.ean')}
          hint={t('fields.eanHint')}
          check={isValidEan}
          invalid="errors:ean_invalid"
          defaultValue={values?.ean}
          serverErrors={errors?.ean}
          required
        />
      )}
    </>
  );
}

/** A number with a check digit: the check runs when the field is left, and again on every key after that. */
function NumberField({
  check,
  invalid,
  serverErrors,
  ...input
}: {
  name: string;
  label: string;
  hint: string;
  check: (value: string) => boolean;
  invalid: string;
  defaultValue: string | undefined;
  serverErrors: string[] | undefined;
  required: boolean;
}) {
  const [problem, setProblem] = useState<string[] | undefined>(serverErrors);
  const [left, setLeft] = useState(false);
  useEffect(() => setProblem(serverErrors), [serverErrors]);
  const judge = (value: string) => setProblem(value.trim() && !check(compactNumber(value)) ? [invalid] : undefined);
  return (
    <Field
      {...input}
      inputMode="numeric"
      autoComplete="off"
      errors={problem}
      onBlur={(e) => {
        setLeft(true);
        judge(e.target.value);
      }}
      onChange={(e) => {
        if (left) judge(e.target.value);
      }}
    />
  );
}

type SlugAnswer = { slug: string; status: 'malformed' | 'taken' | 'available' };

/** The address, with its availability asked from /signup/slug a moment after typing stops. */
function SlugField({
  value,
  onChange,
  serverErrors,
}: {
  value: string;
  onChange: (value: string) => void;
  serverErrors: string[] | undefined;
}) {
  const { t } = useTranslation('workspace');
  const fetcher = useFetcher<SlugAnswer>();
  const { load } = fetcher;
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  useEffect(() => {
    if (!value) return;
    const timer = setTimeout(() => load(`/signup/slug?slug=${encodeURIComponent(value)}`), SLUG_CHECK_DELAY);
    return () => clearTimeout(timer);
  }, [value, load]);

  const answer = fetcher.data?.slug === value ? fetcher.data.status : undefined;
  const errors =
    answer === 'taken'
      ? ['workspace:fields.slugTaken']
      : answer === 'malformed'
        ? ['workspace:fields.slugMalformed']
        : undefined;
  const status = !value
    ? null
    : answer === 'available'
      ? t('fields.slugAvailable')
      : !answer && fetcher.state !== 'idle'
        ? t('fields.slugChecking')
        : null;
  return (
    <>
      <Field
        label={t('fields.slug')}
        name="slug"
        required
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value.toLowerCase())}
        hint={t('fields.slugHint', { origin })}
        errors={errors ?? (answer ? undefined : serverErrors)}
      />
      <p className="hint slug-status" role="status">
        {status}
      </p>
    </>
  );
}
