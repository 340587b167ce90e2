import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signupConfirmationLinkFor, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';

/** What each language calls things on the sign-up form, and what it answers. */
const TEXTS = {
  da: {
    locale: 'da-DK',
    loginLink: 'Ny her? Opret et arbejdsområde',
    yourName: 'Dit navn',
    email: 'Din e-mail',
    password: 'Adgangskode',
    confirm: 'Gentag adgangskoden',
    orgName: 'Organisationens navn',
    kind: 'Type',
    municipality: 'Kommune',
    slug: 'Adresse i Brobygger',
    cvr: 'CVR-nummer',
    ean: 'EAN-lokationsnummer',
    taken: 'Den adresse er allerede taget. Vælg en anden.',
    malformed: /Brug små bogstaver a–z/,
    available: 'Adressen er ledig.',
    cvrInvalid: /Det er ikke et gyldigt CVR-nummer/,
    submit: 'Opret konto og arbejdsområde',
    sent: 'Tjek din indbakke',
    confirmButton: 'Bekræft og opret arbejdsområdet',
    welcome: (name: string) => `Velkommen til ${name}`,
    inviteEmail: 'E-mail',
    inviteSubmit: 'Send invitation',
    invited: (email: string) => `Invitationen er sendt til ${email}.`,
    role: 'Din rolle: Ejer',
  },
  en: {
    locale: 'en-GB',
    loginLink: 'New here? Create a workspace',
    yourName: 'Your name',
    email: 'Your e-mail',
    password: 'Password',
    confirm: 'Repeat the password',
    orgName: 'Name of the organisation',
    kind: 'Kind',
    municipality: 'Municipality',
    slug: 'Address in Brobygger',
    cvr: 'CVR number',
    ean: 'EAN location number',
    taken: 'That address is already taken. Choose another.',
    malformed: /Use lower-case letters a–z/,
    available: 'The address is free.',
    cvrInvalid: /That is not a valid CVR number/,
    submit: 'Create account and workspace',
    sent: 'Check your inbox',
    confirmButton: 'Confirm and create the workspace',
    welcome: (name: string) => `Welcome to ${name}`,
    inviteEmail: 'E-mail',
    inviteSubmit: 'Send invitation',
    invited: (email: string) => `The invitation has been sent to ${email}.`,
    role: 'Your role: Owner',
  },
} as const;

const unique = () => randomBytes(4).toString('hex');

for (const [language, t] of Object.entries(TEXTS)) {
  test.describe(`sign-up (${language})`, () => {
    test.use({ locale: t.locale });

    const made = { slugs: [] as string[], emails: [] as string[] };
    test.afterEach(async ({ db }) => {
      await db.query('delete from public.tenants where slug = any($1)', [made.slugs]);
      await db.query('delete from auth.users where email = any($1)', [made.emails]);
    });

    test('to a working workspace, checked while typing, ending with an invitation sent', async ({ page }) => {
      const id = unique();
      const email = `founder-${id}@test.brobygger.dk`;
      const name = `Kommune ${id}`;
      const slug = `kommune-${id}`;
      made.slugs.push(slug);
      made.emails.push(email);

      await page.goto('/login');
      await page.getByRole('link', { name: t.loginLink }).click();
      await expect(page).toHaveURL('/signup');
      await page.getByLabel(t.yourName).fill('Frida Founder');
      await page.getByLabel(t.email).fill(email);
      await page.getByLabel(t.password, { exact: true }).fill('en-god-adgangskode');
      await page.getByLabel(t.confirm).fill('en-god-adgangskode');
      await page.getByLabel(t.orgName).fill(name);
      await page.getByLabel(t.kind).selectOption({ label: t.municipality });

      // The address follows the name, and is checked a moment after typing stops.
      const slugField = page.getByLabel(t.slug);
      await expect(slugField).toHaveValue(slug);
      await expect(page.getByText(t.available)).toBeVisible();
      await slugField.fill('frederiksberg');
      await expect(page.getByText(t.taken)).toBeVisible();
      await expect(slugField).toHaveAttribute('aria-invalid', 'true');
      await slugField.fill('-kommune');
      await expect(page.getByText(t.malformed)).toBeVisible();
      await slugField.fill(slug);
      await expect(page.getByText(t.available)).toBeVisible();

      // A CVR whose check digit is wrong is said as soon as the field is left.
      await page.getByLabel(t.cvr).fill('11223344');
      await page.getByLabel(t.ean).click();
      await expect(page.getByText(t.cvrInvalid)).toBeVisible();
      await page.getByLabel(t.cvr).fill('11223346');
      await expect(page.getByText(t.cvrInvalid)).toHaveCount(0);
      await page.getByLabel(t.ean).fill('5798009174000');

      await page.getByRole('button', { name: t.submit }).click();
      await expect(page.getByRole('heading', { name: t.sent })).toBeVisible();

      const link = await signupConfirmationLinkFor(email);
      await page.goto(link);
      await page.getByRole('button', { name: t.confirmButton }).click();
      await expect(page).toHaveURL(`/w/${slug}/members?welcome=1`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.welcome(name));

      const colleague = `colleague-${id}@test.brobygger.dk`;
      await page.getByLabel(t.inviteEmail, { exact: true }).fill(colleague);
      await page.getByRole('button', { name: t.inviteSubmit }).click();
      await expect(page.getByText(t.invited(colleague))).toBeVisible();

      await page.goto(`/w/${slug}`);
      await expect(page.getByText(t.role)).toBeVisible();
    });

    test('a CVR that fails its check is refused on submit too, and nothing is created', async ({
      page,
      db,
    }, testInfo) => {
      const id = unique();
      const email = `refused-${id}@test.brobygger.dk`;
      made.emails.push(email);
      await page.goto('/signup');
      await fillPerson(page, t, email);
      await page.getByLabel(t.orgName).fill(`Forening ${id}`);
      await page.getByLabel(t.cvr).fill('12345678');
      await page.getByRole('button', { name: t.submit }).click();
      await expect(page.getByText(t.cvrInvalid)).toBeVisible();
      await expectAccessible(page, testInfo, 'sign-up with a refused CVR');
      expect((await db.query('select 1 from auth.users where email = $1', [email])).rows).toEqual([]);
    });
  });
}

async function fillPerson(page: Page, t: (typeof TEXTS)[keyof typeof TEXTS], email: string) {
  await page.getByLabel(t.yourName).fill('Rolf Refused');
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill('en-god-adgangskode');
  await page.getByLabel(t.confirm).fill('en-god-adgangskode');
}
