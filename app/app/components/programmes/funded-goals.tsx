import type { FundedGoal } from '@brobygger/api/programmes-report';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../grid/values.ts';
import { useLocale } from '../../lib/i18n.tsx';
import { GoalProgress } from './goal-progress.tsx';

/**
 * The goals of the programmes a region funds, from `programmes.fundedGoals`: one row per goal of
 * each partner's programme, a suppressed count shown as "<5". For the region's dashboard.
 */
export function FundedGoals({ goals }: { goals: readonly FundedGoal[] }) {
  const { t } = useTranslation('programmes');
  const locale = useLocale();
  return (
    <section aria-labelledby="funded-goals-title">
      <h2 id="funded-goals-title">{t('funded.title')}</h2>
      <p className="muted">{t('funded.intro')}</p>
      {goals.length === 0 ? (
        <p>{t('funded.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('funded.partner')}</th>
                <th scope="col">{t('funded.programme')}</th>
                <th scope="col">{t('funded.goal')}</th>
                <th scope="col">{t('goals.dueOn')}</th>
                <th scope="col">{t('funded.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {goals.map((g) => (
                <tr key={g.goalId}>
                  <td>{g.partnerName}</td>
                  <td>{g.programmeName}</td>
                  <td>{g.label || t(`metric.${g.metric}`)}</td>
                  <td>{formatIsoDate(g.dueOn, locale)}</td>
                  <td>
                    <GoalProgress
                      metric={g.metric}
                      value={g.value}
                      targetMin={g.targetMin}
                      targetMax={g.targetMax}
                      small={g.suppressed ? t('funded.small') : undefined}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
