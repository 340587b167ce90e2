import readSheets from 'read-excel-file/node';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { formatDkk, formatTarget, quartersOf } from '@brobygger/api/programmes';
import type { FunderReport } from '@brobygger/api/programmes-report';
import { translate } from '@brobygger/i18n';
import { reportContent, reportFileName } from './content.ts';
import { reportPdf } from './pdf.server.ts';
import { reportXlsx } from './xlsx.server.ts';

const zero = {
  sessionsHeld: 0,
  attendanceRate: null,
  participantsReached: 0,
  matchesActive: 0,
  matchesCompleted: 0,
  volunteersActive: 0,
  volunteersPeerEducated: 0,
};

function report(language: 'da' | 'en'): FunderReport {
  const quarters = quartersOf('2026-01-01', '2026-06-30').map((q, i) => ({
    ...q,
    figures:
      i === 0 ? { ...zero, sessionsHeld: 12, attendanceRate: 81, participantsReached: 17, volunteersActive: 7 } : zero,
  }));
  return {
    programme: {
      id: '00000000-0000-4000-8000-000000000001',
      version: 1,
      name: 'Sammen om recovery og peer-støtte på Frederiksberg',
      funderKind: 'regional_pool',
      funderName: 'Region Hovedstaden',
      funderTenantId: null,
      funderWorkspaceName: null,
      grantAmount: 415686,
      totalBudget: 853986,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
    },
    partners: ['Psykiatrisk Ambulatorium Frederiksberg og Vanløse', 'Recovery Lab'],
    period: { from: '2026-01-01', to: '2026-06-30' },
    language,
    goals: [
      {
        id: '00000000-0000-4000-8000-000000000002',
        version: 1,
        metric: 'participants_reached',
        targetMin: 40,
        targetMax: 50,
        dueOn: '2027-12-31',
        label: null,
        value: 17,
      },
    ],
    quarters,
    total: { ...zero, sessionsHeld: 12, attendanceRate: 81, participantsReached: 17, volunteersActive: 7 },
    narrative: { text: 'Æblerne er plukket; caféen kører.', version: 3 },
  };
}

describe('quarters, amounts and targets', () => {
  it('cuts a period into calendar quarters, clipped at both ends', () => {
    expect(quartersOf('2026-02-15', '2026-08-10')).toEqual([
      { year: 2026, quarter: 1, from: '2026-02-15', to: '2026-03-31' },
      { year: 2026, quarter: 2, from: '2026-04-01', to: '2026-06-30' },
      { year: 2026, quarter: 3, from: '2026-07-01', to: '2026-08-10' },
    ]);
    expect(quartersOf('2026-11-01', '2027-01-31').map((q) => `${q.year}Q${q.quarter}`)).toEqual(['2026Q4', '2027Q1']);
    expect(quartersOf('2027-01-01', '2026-01-01')).toEqual([]);
  });

  it('writes amounts as the applications do, and targets as numbers or ranges', () => {
    expect(formatDkk(415686, 'da')).toBe('415.686 kr.');
    expect(formatDkk(415686, 'en')).toBe('DKK 415,686');
    expect(formatTarget(40, 50)).toBe('40–50');
    expect(formatTarget(20, null)).toBe('20');
  });
});

describe('the funder report files', () => {
  for (const language of ['da', 'en'] as const) {
    const t = translate(language);
    const content = reportContent(report(language), 'Frederiksberg Kommune', t);
    const quarter = language === 'da' ? '1. kvt. 2026' : 'Q1 2026';
    const grant = language === 'da' ? '415.686 kr.' : 'DKK 415,686';

    it(`in ${language}: the XLSX holds the header, the goal, the quarters with numbers as numbers, and the narrative`, async () => {
      const [sheet] = await readSheets(await reportXlsx(content, t('programmes:file.title')));
      const rows = sheet!.data;
      const rowOf = (first: string) => rows.find((r) => r[0] === first);
      expect(rowOf(t('programmes:file.grant'))?.[1]).toBe(grant);
      expect(rowOf(t('programmes:metric.participants_reached'))?.slice(0, 4)).toEqual([
        t('programmes:metric.participants_reached'),
        '40–50',
        17,
        language === 'da' ? '31-12-2027' : '31/12/2027',
      ]);
      expect(rowOf(quarter)).toEqual([quarter, 12, 81, 17, 0, 7]);
      expect(rowOf(t('programmes:file.total'))?.slice(1)).toEqual([12, 81, 17, 0, 7]);
      expect(rows.some((r) => r[0] === 'Æblerne er plukket; caféen kører.')).toBe(true);
    });

    it(`in ${language}: the PDF says the same, Danish letters included`, async () => {
      const { text } = await extractText(new Uint8Array(await reportPdf(content, language)), { mergePages: true });
      expect(text).toContain('Sammen om recovery og peer-støtte på Frederiksberg');
      expect(text).toContain(grant);
      expect(text).toContain('Æblerne er plukket; caféen kører.');
      expect(text.replace(/\s+/g, ' ')).toContain(`${quarter} 12 81 17 0 7`);
    });
  }

  it('names the file after the programme and the period', () => {
    expect(reportFileName(report('da'), translate('da'), 'pdf')).toBe(
      'rapport-sammen-om-recovery-og-peer-stoette-paa-frederiksbe-2026-01-01-2026-06-30.pdf',
    );
  });
});
