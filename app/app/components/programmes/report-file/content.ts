import { slugFrom } from '@brobygger/api/danish-ids';
import { formatDkk, formatTarget, quarterLabel } from '@brobygger/api/programmes';
import type { FunderReport } from '@brobygger/api/programmes-report';
import { formatIsoDate } from '../../grid/values.ts';
import { FIGURE_KEYS } from '../report-figures.ts';

type T = (key: string, values?: Record<string, unknown>) => string;

/** A table cell of the report: numbers stay numbers (for the spreadsheet), the rest is text. */
export type ReportCell = string | number | null;

/**
 * What a funder report says, in its own language, independent of the file format: the XLSX and
 * the PDF lay out these same sections, so they cannot disagree. Counts only: the report data
 * carries no person.
 */
export type ReportContent = {
  title: string;
  header: [string, string][];
  goals: { title: string; columns: string[]; rows: ReportCell[][] };
  activity: { title: string; columns: string[]; rows: ReportCell[][] };
  numbersOnly: string;
  narrative: { title: string; text: string };
};

export function reportContent(report: FunderReport, workspaceName: string, t: T): ReportContent {
  const lang = report.language;
  const date = (iso: string) => formatIsoDate(iso, lang);
  const period = (from: string, to: string) => t('programmes:period', { from: date(from), to: date(to) });
  const { programme } = report;
  const amount = (value: number | null) => (value == null ? '–' : formatDkk(value, lang));
  return {
    title: `${t('programmes:file.title')}: ${programme.name}`,
    header: [
      [t('programmes:file.programme'), programme.name],
      [t('programmes:file.workspace'), workspaceName],
      [
        t('programmes:file.funder'),
        `${programme.funderName ?? programme.funderWorkspaceName ?? '–'} (${t(`programmes:funderKind.${programme.funderKind}`)})`,
      ],
      [t('programmes:file.grant'), amount(programme.grantAmount)],
      [t('programmes:file.budget'), amount(programme.totalBudget)],
      [t('programmes:file.programmePeriod'), period(programme.startsOn, programme.endsOn)],
      [t('programmes:file.reportPeriod'), period(report.period.from, report.period.to)],
      [t('programmes:file.partners'), report.partners.join(', ') || '–'],
    ],
    goals: {
      title: t('programmes:file.goals'),
      columns: [
        t('programmes:file.metric'),
        t('programmes:file.target'),
        t('programmes:file.progress'),
        t('programmes:file.dueOn'),
      ],
      rows: report.goals.map((g) => [
        g.label ? `${t(`programmes:metric.${g.metric}`)}: ${g.label}` : t(`programmes:metric.${g.metric}`),
        formatTarget(g.targetMin, g.targetMax),
        g.value,
        date(g.dueOn),
      ]),
    },
    activity: {
      title: t('programmes:file.activity'),
      columns: [t('programmes:file.quarter'), ...FIGURE_KEYS.map((k) => t(`programmes:figures.${k}`))],
      rows: [
        ...report.quarters.map((q) => [quarterLabel(q, lang), ...FIGURE_KEYS.map((k) => q.figures[k])]),
        [t('programmes:file.total'), ...FIGURE_KEYS.map((k) => report.total[k])],
      ],
    },
    numbersOnly: t('programmes:file.numbersOnly'),
    narrative: { title: t('programmes:file.narrative'), text: report.narrative.text },
  };
}

/** e.g. "rapport-sammen-om-recovery-2026-01-01-2027-12-31.pdf". */
export function reportFileName(report: FunderReport, t: T, extension: 'xlsx' | 'pdf') {
  const slug = slugFrom(report.programme.name);
  return `${t('programmes:file.fileName')}-${slug}-${report.period.from}-${report.period.to}.${extension}`;
}
