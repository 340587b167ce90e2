import type { Browser, Page } from '@playwright/test';
import { addMember, createTenant, privileged, removeTenants, seedPartnerActivity } from '@brobygger/db/testing';
import { expect, signIn, test, type User } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';

/**
 * A region invites a partner, the partner's owner accepts, the region's dashboard shows the
 * partner's figures; the partner ends the partnership and the figures are gone. Two people, two
 * browsers: the region's admin and the partner's owner. Once in each language.
 */

const LANGUAGES = {
  da: {
    switchTo: null,
    partners: 'Partnere',
    search: 'Kommune eller forening (navn eller adresse-navn)',
    searchButton: 'Søg',
    invite: (name: string) => `Invitér ${name}`,
    proposed: 'Foreslået',
    accept: 'Acceptér',
    end: 'Afslut partnerskabet',
    ended: 'Partnerskabet er afsluttet. Regionen ser ikke længere jeres tal.',
    reached: 'Deltagere nået',
    volunteers: 'Aktive frivillige',
    noPartners: 'Ingen aktive partnere endnu. Invitér en kommune eller forening under Partnere.',
    history: /Historik \(2\)/,
    total: 'I alt for viste partnere',
    notIncluded: '1 partner med færre end 5 er ikke med',
    thisYear: 'I år',
    welcome: (name: string) => `Velkommen til ${name}`,
  },
  en: {
    switchTo: 'English',
    partners: 'Partners',
    search: 'Municipality or association (name or address name)',
    searchButton: 'Search',
    invite: (name: string) => `Invite ${name}`,
    proposed: 'Proposed',
    accept: 'Accept',
    end: 'End the partnership',
    ended: 'The partnership has ended. The region no longer sees your figures.',
    reached: 'Participants reached',
    volunteers: 'Volunteers active',
    noPartners: 'No active partners yet. Invite a municipality or association under Partners.',
    history: /History \(2\)/,
    total: 'Total of partners shown',
    notIncluded: '1 partner with fewer than 5 not included',
    thisYear: 'This year',
    welcome: (name: string) => `Welcome to ${name}`,
  },
} as const;

type Text = (typeof LANGUAGES)[keyof typeof LANGUAGES];

async function signedIn(browser: Browser, user: User, text: Text): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await signIn(page, user);
  if (text.switchTo) {
    await page.getByRole('button', { name: text.switchTo }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  return page;
}

/** The first day of this quarter, Copenhagen's: the partner's sessions are held on it. */
function thisQuarter(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const month = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${today.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** A partner too small to show: 3 participants, 3 volunteers. */
const SMALL_ACTIVITY = { courses: 1, perCourse: 3, sessions: 1, volunteers: 3, matches: 0, startedOn: '2025-01-01' };

/** A partnership set up or ended behind the scenes: only the main partner goes through the pages. */
const partnership = (regionId: string, partnerId: string, status: 'active' | 'ended') =>
  privileged((tx) =>
    tx.query(
      `insert into public.partnerships (tenant_id, partner_tenant_id, status) values ($1, $2, $3)
       on conflict (tenant_id, partner_tenant_id) do update set status = excluded.status`,
      [regionId, partnerId, status],
    ),
  );

/** The dashboard's table of one metric: its row for `name`, read as a screen reader would. */
const metricRow = (page: Page, metric: string, name: string) =>
  page.getByRole('table', { name: new RegExp(metric) }).getByRole('row', { name: new RegExp(`^${name}`) });

for (const [language, text] of Object.entries(LANGUAGES)) {
  test(`a region invites a partner, sees its figures once accepted, and loses them when the partner ends it (${language})`, async ({
    browser,
    workspace,
    owner,
    makeUser,
  }, testInfo) => {
    const region = await createTenant('region', `Testregion ${language} ${Date.now()}`);
    const small = await createTenant('association', `Lille forening ${language} ${Date.now()}`);
    try {
      const admin = await makeUser('Rita Regionsadmin');
      await addMember(region, admin, 'admin', admin.name);
      // 2 courses × 8 participants, all present: 16 reached; 6 active volunteers.
      await seedPartnerActivity(workspace.id, {
        courses: 2,
        perCourse: 8,
        sessions: 1,
        firstDay: thisQuarter(),
        volunteers: 6,
        matches: 5,
        startedOn: '2025-01-01',
      });

      // The region opens on its dashboard, with no partners yet; it invites the municipality.
      const regionPage = await signedIn(browser, admin, text);
      await regionPage.goto(`/w/${region.slug}`);
      await expect(regionPage).toHaveURL(new RegExp(`/w/${region.slug}/dashboard`));
      await expect(regionPage.getByText(text.noPartners)).toBeVisible();
      await regionPage.getByRole('navigation').getByRole('link', { name: text.partners, exact: true }).click();
      await regionPage.getByLabel(text.search).fill(workspace.name);
      await regionPage.getByRole('button', { name: text.searchButton }).click();
      await regionPage.getByRole('button', { name: text.invite(workspace.name) }).click();
      await expect(regionPage.getByRole('heading', { name: new RegExp(workspace.name) })).toContainText(text.proposed);
      await regionPage.screenshot({ path: testInfo.outputPath(`partners-region-${language}.png`), fullPage: true });

      // The partner's owner accepts on their partners page, and sees its history.
      const partnerPage = await signedIn(browser, owner, text);
      await partnerPage.goto(`/w/${workspace.slug}/partners`);
      await partnerPage.getByRole('button', { name: new RegExp(`^${text.accept}`) }).click();
      await expect(partnerPage.getByText(text.history)).toBeVisible();
      await partnerPage.screenshot({ path: testInfo.outputPath(`partners-partner-${language}.png`), fullPage: true });
      await expectAccessible(partnerPage, testInfo, 'the partner’s page of partnerships');

      // A second partner with 3 participants: hidden as <5, and left out of the total.
      await seedPartnerActivity(small.id, { ...SMALL_ACTIVITY, firstDay: thisQuarter() });
      await partnership(region.id, small.id, 'active');

      // The region's dashboard shows the partner's figures, and the total of the partners shown.
      await regionPage.goto(`/w/${region.slug}/dashboard`);
      await expect(metricRow(regionPage, text.reached, workspace.name).getByRole('cell').last()).toHaveText('16');
      await expect(metricRow(regionPage, text.volunteers, workspace.name).getByRole('cell').last()).toHaveText('6');
      await expect(metricRow(regionPage, text.reached, small.name).getByRole('cell').last()).toHaveText('<5');
      const total = metricRow(regionPage, text.reached, text.total).getByRole('cell').last();
      await expect(total).toHaveText(`16${text.notIncluded}`);
      await regionPage.screenshot({ path: testInfo.outputPath(`dashboard-${language}-1280.png`), fullPage: true });
      await expectAccessible(regionPage, testInfo, 'the region’s dashboard, with a hidden small partner');
      await regionPage.setViewportSize({ width: 390, height: 844 });
      await regionPage.screenshot({ path: testInfo.outputPath(`dashboard-${language}-390.png`), fullPage: true });
      // One metric close up: the total and its note must stay readable on a phone.
      await regionPage
        .getByRole('region', { name: text.reached })
        .screenshot({ path: testInfo.outputPath(`dashboard-${language}-390-reached.png`) });

      // The partner ends it: at the region's next look, the figures are gone.
      await partnership(region.id, small.id, 'ended');
      await partnerPage.getByRole('button', { name: new RegExp(`^${text.end}`) }).click();
      await expect(partnerPage.getByText(text.ended)).toBeVisible();
      await regionPage.reload();
      await expect(regionPage.getByText(text.noPartners)).toBeVisible();
      await expect(regionPage.getByRole('table')).toHaveCount(0);
    } finally {
      await removeTenants([region, small]);
    }
  });

  test(`a region that runs activities keeps its own overview when it picks a period (${language})`, async ({
    browser,
    makeUser,
  }) => {
    const region = await createTenant('region', `Egen region ${language} ${Date.now()}`);
    try {
      await privileged((tx) => tx.query('update public.tenants set runs_activities = true where id = $1', [region.id]));
      const admin = await makeUser('Rita Regionsadmin');
      await addMember(region, admin, 'admin', admin.name);
      const page = await signedIn(browser, admin, text);
      await page.goto(`/w/${region.slug}?view=own`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.welcome(region.name));
      await page.getByRole('link', { name: text.thisYear, exact: true }).click();
      await expect(page).toHaveURL(/[?&]period=year/);
      await expect(page).toHaveURL(/[?&]view=own/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.welcome(region.name));
      await expect(page.getByRole('link', { name: text.thisYear, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
    } finally {
      await removeTenants([region]);
    }
  });
}
