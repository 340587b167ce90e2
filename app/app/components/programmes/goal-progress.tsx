import { formatTarget, progressShare, type ProgrammeMetric } from '@brobygger/api/programmes';
import { useTranslation } from 'react-i18next';

/**
 * A goal's progress as a bar and "x of 40–50". The bar measures against the low end of a range:
 * that is what the funder was promised. `value` null: not known yet (no attendance marked).
 */
export function GoalProgress({
  metric,
  value,
  targetMin,
  targetMax,
  small,
}: {
  metric: ProgrammeMetric;
  value: number | null;
  targetMin: number;
  targetMax: number | null;
  /** What to show instead of a suppressed count (the region's "<5"). */
  small?: string;
}) {
  const { t } = useTranslation('programmes');
  const target = formatTarget(targetMin, targetMax);
  const shown = small ?? (value == null ? '–' : String(value));
  const text = t('goals.of', { value: shown, target });
  return (
    <span className="goal-progress">
      <progress
        max={100}
        value={Math.round(progressShare(value, targetMin) * 100)}
        aria-label={t('goals.progressLabel', { metric: t(`metric.${metric}`), value: shown, target })}
      />
      <span className="goal-progress-text">{text}</span>
    </span>
  );
}
