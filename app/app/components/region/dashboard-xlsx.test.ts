import { translate } from '@brobygger/i18n';
import type { RegionDashboard } from '@brobygger/api/region-dashboard';
import readSheets from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { dashboardXlsx } from './dashboard-xlsx.server.ts';

/** Two partners, one quarter: Aarup's participants reached are suppressed and left out of the total. */
const DASHBOARD: RegionDashboard = {
  period: 'last4',
  quarters: ['2026-07-01'],
  partners: [
    { id: 'a', name: 'Aarup' },
    { id: 'b', name: 'Bjerre' },
  ],
  cells: [
    { partnerId: 'a', quarter: '2026-07-01', metric: 'participantsReached', value: null, suppressed: true },
    { partnerId: 'b', quarter: '2026-07-01', metric: 'participantsReached', value: 12, suppressed: false },
    { partnerId: null, quarter: '2026-07-01', metric: 'participantsReached', value: 12, suppressed: false },
    { partnerId: 'a', quarter: '2026-07-01', metric: 'attendanceRate', value: 0.75, suppressed: false },
  ],
};

describe('the dashboard as XLSX', () => {
  it('writes the figures as the page shows them, suppressed ones as <5, the total of those shown, in the chosen language', async () => {
    for (const [locale, reached] of [
      ['da', 'Deltagere nået'],
      ['en', 'Participants reached'],
    ] as const) {
      const [sheet] = await readSheets(await dashboardXlsx(DASHBOARD, translate(locale)));
      const rows = sheet!.data;
      const start = rows.findIndex((r) => r[0] === reached);
      expect(rows.slice(start + 1, start + 6)).toEqual([
        ['Partner', '2026 Q3'],
        ['Aarup', '<5'],
        ['Bjerre', 12],
        [locale === 'da' ? 'I alt for viste partnere' : 'Total of partners shown', 12],
        [
          locale === 'da'
            ? 'Partnere med færre end 5, ikke med i totalen'
            : 'Partners with fewer than 5, not in the total',
          1,
        ],
      ]);
      // The total minus the partners shown is 0: nothing hidden can be worked out from the file.
      const total = rows[start + 4]![1] as number;
      expect(total - (rows[start + 3]![1] as number)).toBe(0);
      // A rate stays a number (shown as a percentage by the cell's format).
      expect(rows.find((r) => r[0] === 'Aarup' && r[1] === 0.75)).toBeDefined();
    }
  });
});
