import type { Page } from '@playwright/test';
import { addMember, createTenant, removeTenants } from '@brobygger/db/testing';
import { extractText } from 'unpdf';
import { readFile } from 'node:fs/promises';
import { expect, signIn, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';
import { openWorkspaceMenu } from '../support/nav.ts';

/** What each language calls the things these tests touch. */
const TEXT = {
  da: {
    locale: 'da-DK',
    menu: 'Tilbudsbeskrivelse',
    title: 'Jeres tilbudsbeskrivelse',
    name: 'Tilbuddets navn',
    startedYear: 'Startår',
    purpose: 'Formål og indhold',
    peerSupport: 'Hvordan peer-støtten bidrager',
    model: 'Grundlag',
    own: 'Dansk',
    other: 'Engelsk',
    save: 'Gem beskrivelse',
    website: 'Hjemmeside',
    badWebsite: 'Skriv hjemmesiden som en adresse, der begynder med https:// eller http://.',
    saved: 'Beskrivelsen er gemt.',
    publish: 'Udgiv til regionen',
    published: 'Beskrivelsen er udgivet til jeres regioner.',
    draft: 'Kladde: beskrivelsen er ikke udgivet.',
    catalogue: 'Katalog',
    catalogueTitle: 'Katalog over peer-støttetilbud',
    region: (name: string) => `Peer-støtte i ${name}`,
    search: 'Søg i kataloget',
    searchButton: 'Søg',
    oneOffer: '1 tilbud',
    noOffer: '0 tilbud',
    fallback: 'Findes kun på engelsk',
    volunteers: 'Frivillige, der giver peer-støtte',
    pdf: 'PDF på dansk',
    file: /^peer-stoette-katalog-\d{4}-\d{2}-\d{2}\.pdf$/,
    pdfHeadings: ['Formål og indhold', 'Hvor længe tilbuddet har eksisteret', 'Omfang', 'Finansiering og fremtid'],
  },
  en: {
    locale: 'en-GB',
    menu: 'Offer description',
    title: 'Your offer description',
    name: 'Name of the offer',
    startedYear: 'Year started',
    purpose: 'Purpose and content',
    peerSupport: 'How peer support helps',
    model: 'The model it builds on',
    own: 'English',
    other: 'Danish',
    save: 'Save description',
    website: 'Website',
    badWebsite: 'Enter the website as an address starting with https:// or http://.',
    saved: 'The description is saved.',
    publish: 'Publish to your regions',
    published: 'The description is published to your regions.',
    draft: 'Draft: the description is not published.',
    catalogue: 'Catalogue',
    catalogueTitle: 'Catalogue of peer-support offers',
    region: (name: string) => `Peer support in ${name}`,
    search: 'Search the catalogue',
    searchButton: 'Search',
    oneOffer: '1 offer',
    noOffer: '0 offers',
    fallback: 'Only in Danish',
    volunteers: 'Volunteers giving peer support',
    pdf: 'PDF in English',
    file: /^peer-support-catalogue-\d{4}-\d{2}-\d{2}\.pdf$/,
    pdfHeadings: ['Purpose and content', 'How long it has existed', 'Scope', 'Funding and future'],
  },
} as const;

/** The description a coordinator writes: the purpose in both languages, the model only in the other. */
const WRITTEN = {
  da: {
    name: 'Gå-holdet Solsikken',
    purpose: 'Ugentlige gåture, hvor peer-støttere og borgere taler om det, der fylder.',
    model: 'Bygger på recovery-orienteret praksis.',
    searchWord: 'GÅTURE',
  },
  en: {
    name: 'Sunflower walking group',
    purpose: 'Weekly walks where peer supporters and citizens talk about what matters.',
    model: 'Builds on recovery-oriented practice.',
    searchWord: 'WALKS',
  },
} as const;

async function pdfText(path: string) {
  const { text } = await extractText(new Uint8Array(await readFile(path)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

for (const lng of ['da', 'en'] as const) {
  const text = TEXT[lng];
  const other = lng === 'da' ? 'en' : 'da';
  const written = WRITTEN[lng];

  test.describe(`in ${lng === 'da' ? 'Danish' : 'English'}`, () => {
    test.use({ locale: text.locale });

    test('a partner publishes its offer and it appears in its region’s catalogue, searchable and as a PDF', async ({
      page,
      browser,
      db,
      workspace,
      makeUser,
    }, testInfo) => {
      const region = await createTenant('region', `Region Test ${lng}`);
      try {
        // The partnership is made active directly: inviting and accepting is another part of issue 9.
        await db.query(
          "insert into public.partnerships (tenant_id, partner_tenant_id, status, started_on) values ($1, $2, 'active', current_date)",
          [region.id, workspace.id],
        );
        const coordinator = await makeUser('Camilla Koordinator');
        await addMember(workspace, coordinator, 'coordinator', coordinator.name);
        await signIn(page, coordinator);

        const nav = await openWorkspaceMenu(page);
        await nav.getByRole('link', { name: text.menu }).click();
        await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
        await expect(page.getByText(text.draft)).toBeVisible();

        await page.getByLabel(text.name).fill(written.name);
        await page.getByLabel(text.startedYear).fill('2021');
        const purpose = page.getByRole('group', { name: text.purpose });
        await purpose.getByLabel(text.own).fill(written.purpose);
        await purpose.getByLabel(text.other).fill(WRITTEN[other].purpose);
        // Written in the other language only: the catalogue shows it, marked.
        await page.getByRole('group', { name: text.model }).getByLabel(text.other).fill(WRITTEN[other].model);
        // A website without its scheme is refused under its field, and nothing typed is lost.
        await page.getByLabel(text.website).fill('solsikken.example.dk');
        await page.getByRole('button', { name: text.save }).click();
        await expect(page.getByLabel(text.website)).toHaveAccessibleDescription(text.badWebsite);
        await expect(purpose.getByLabel(text.own)).toHaveValue(written.purpose);
        await page.getByLabel(text.website).fill('https://solsikken.example.dk');
        await page.getByRole('button', { name: text.save }).click();
        await expect(page.getByRole('status').filter({ hasText: text.saved })).toBeVisible();

        await page.getByRole('button', { name: text.publish }).click();
        await expect(page.getByRole('status').filter({ hasText: text.published })).toBeVisible();
        const preview = page.getByRole('region', { name: /catalogue|kataloget/ });
        await expect(preview.getByRole('heading', { name: written.name })).toBeVisible();
        await expectAccessible(page, testInfo, 'the offer page, published');

        await db.query(
          "insert into public.volunteers (tenant_id, name, status) select $1, 'Frivillig ' || g, 'active' from generate_series(1, 3) g",
          [workspace.id],
        );
        // The region's member, in a browser of their own.
        const analyst = await makeUser('Rikke Region');
        await addMember(region, analyst, 'admin', analyst.name);
        const context = await browser.newContext({ locale: text.locale });
        const regionPage: Page = await context.newPage();
        await signIn(regionPage, analyst);
        // A region reads the catalogue; it has no offer of its own to describe.
        const regionNav = await openWorkspaceMenu(regionPage);
        await expect(regionNav.getByRole('link', { name: text.menu })).toHaveCount(0);
        await regionNav.getByRole('link', { name: text.catalogue }).click();
        await expect(regionPage.getByRole('heading', { level: 1, name: text.catalogueTitle })).toBeVisible();
        await expect(regionPage.getByRole('heading', { level: 2, name: text.region(region.name) })).toBeVisible();
        await expect(regionPage.getByRole('heading', { level: 3, name: workspace.name })).toBeVisible();
        const entry = regionPage.getByRole('article').filter({ hasText: written.name });
        await expect(entry.getByText(written.purpose)).toBeVisible();
        await expect(entry.getByText(WRITTEN[other].purpose)).toHaveCount(0);
        await expect(entry.getByText(text.fallback)).toBeVisible();
        await expect(entry.getByText(WRITTEN[other].model)).toBeVisible();
        // Three volunteers: a count from 1 to 4 leaves the workspace only as "<5".
        await expect(entry.getByRole('term').first()).toHaveText(text.volunteers);
        await expect(entry.getByRole('definition').first()).toHaveText('<5');
        await expectAccessible(regionPage, testInfo, 'the region’s catalogue');

        const search = regionPage.getByRole('searchbox', { name: text.search });
        await search.fill(written.searchWord);
        await regionPage.getByRole('button', { name: text.searchButton }).click();
        await expect(regionPage.getByRole('status').filter({ hasText: text.oneOffer })).toBeVisible();
        await expect(entry).toBeVisible();

        const [download] = await Promise.all([
          regionPage.waitForEvent('download'),
          regionPage.getByRole('link', { name: text.pdf }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(text.file);
        const pdf = await pdfText(await download.path());
        for (const expected of [
          text.region(region.name),
          workspace.name,
          written.name,
          written.purpose,
          ...text.pdfHeadings,
        ]) {
          expect(pdf).toContain(expected);
        }

        await search.fill('ingen-tilbud-hedder-sådan');
        await regionPage.getByRole('button', { name: text.searchButton }).click();
        await expect(regionPage.getByRole('status').filter({ hasText: text.noOffer })).toBeVisible();
        await expect(regionPage.getByRole('article')).toHaveCount(0);
        await context.close();
      } finally {
        await removeTenants([region]);
      }
    });
  });
}
