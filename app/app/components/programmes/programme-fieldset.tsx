import { FUNDER_KINDS } from '@brobygger/api/programmes';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../form.tsx';

type Values = {
  name: string;
  funderKind: string;
  funderName: string | null;
  funderTenantId: string | null;
  grantAmount: number | null;
  totalBudget: number | null;
  startsOn: string;
  endsOn: string;
};

/** The fields of a programme, for the new-programme form and the details form. */
export function ProgrammeFieldset({
  values,
  regions,
  errors = {},
}: {
  values?: Partial<Values>;
  /** The regions the workspace has a partnership with: the ones a programme may name as funder. */
  regions: readonly { id: string; name: string }[];
  errors?: Record<string, string[] | undefined>;
}) {
  const { t } = useTranslation('programmes');
  const kindId = useId();
  const regionId = useId();
  return (
    <div className="programme-fields">
      <Field label={t('fields.name')} name="name" required defaultValue={values?.name ?? ''} errors={errors.name} />
      <div className="field">
        <label htmlFor={kindId}>{t('fields.funderKind')}</label>
        <select id={kindId} name="funderKind" defaultValue={values?.funderKind ?? 'regional_pool'}>
          {FUNDER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`funderKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('fields.funderName')}
        name="funderName"
        defaultValue={values?.funderName ?? ''}
        errors={errors.funderName}
      />
      {regions.length > 0 ? (
        <div className="field">
          <label htmlFor={regionId}>{t('fields.funderTenantId')}</label>
          <select id={regionId} name="funderTenantId" defaultValue={values?.funderTenantId ?? ''}>
            <option value="">{t('noFunderWorkspace')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Field
        label={t('fields.grantAmount')}
        name="grantAmount"
        inputMode="numeric"
        defaultValue={values?.grantAmount ?? ''}
        errors={errors.grantAmount}
      />
      <Field
        label={t('fields.totalBudget')}
        name="totalBudget"
        inputMode="numeric"
        defaultValue={values?.totalBudget ?? ''}
        errors={errors.totalBudget}
      />
      <Field
        label={t('fields.startsOn')}
        name="startsOn"
        type="date"
        required
        defaultValue={values?.startsOn ?? ''}
        errors={errors.startsOn}
      />
      <Field
        label={t('fields.endsOn')}
        name="endsOn"
        type="date"
        required
        defaultValue={values?.endsOn ?? ''}
        errors={errors.endsOn}
      />
    </div>
  );
}
