import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { load, requireCaller } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { useWorkspace } from './w.$tenant.tsx';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const [members, partnerships] = await load(() =>
    Promise.all([api.members.list({ tenant }), api.partnerships.list({ tenant })]),
  );
  return { memberCount: members.members.length, partnerships };
}

export default function Overview() {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { memberCount, partnerships } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t('overview.welcome', { workspace: workspace.name })}</h1>
      <p className="muted">
        {t(`kinds.${workspace.kind}`)} · {t('overview.yourRole', { role: t(`roles.${workspace.role}`) })} ·{' '}
        {t('overview.members', { count: memberCount })}
      </p>
      <section aria-labelledby="partners-heading" className="card">
        <h2 id="partners-heading">{workspace.kind === 'region' ? t('overview.partners') : t('overview.funders')}</h2>
        {partnerships.length === 0 ? (
          <p>{t('overview.noPartners')}</p>
        ) : (
          <ul className="plain-list">
            {partnerships.map((p) => (
              <li key={p.id}>
                <strong>{p.counterpartName}</strong> · {t(`kinds.${p.counterpartKind}`)} ·{' '}
                <span className={`badge badge-${p.status}`}>{t(`partnershipStatus.${p.status}`)}</span>
                {p.startedOn ? <> {t('overview.since', { date: formatDate(p.startedOn, locale) })}</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted">{t('overview.comingSoon')}</p>
    </div>
  );
}
