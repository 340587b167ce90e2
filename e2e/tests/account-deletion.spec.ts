import type { Page } from '@playwright/test';
import type pg from 'pg';
import { E2E } from '../env.ts';
import { expect, mailsTo, test, type User, type Workspace } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';
import { addMembership, seedVolunteer } from '../support/courses.ts';
import { inEachLanguage, type Language } from '../support/languages.ts';
import { screenshotsAtBothSizes } from '../support/screenshots.ts';

/**
 * A person deletes their own account (decision 040) from the account page, in both languages:
 * the password again, then gone: no sign-in, no membership, while the workspace keeps its roster
 * record of them. A workspace's only owner is first sent to hand it over.
 */

const UI = {
  da: {
    section: 'Slet din konto',
    password: 'Din adgangskode, som bekræftelse',
    submit: 'Slet min konto',
    wrong: 'Det er ikke din nuværende adgangskode.',
    deleted: 'Din konto er slettet',
    signInLink: 'Gå til log ind',
    mailSubject: 'Din konto i Brobygger er slettet',
    email: 'E-mail',
    signInPassword: 'Adgangskode',
    signIn: 'Log ind',
    invalid: 'Forkert e-mail eller adgangskode.',
    soleOwner: /Du er den eneste ejer af dette arbejdsområde/,
    membersOf: (name: string) => `Medlemmer af ${name}`,
    lastOwner: 'Du er den eneste ejer af et arbejdsområde. Gør et andet medlem til ejer, før kontoen slettes.',
  },
  en: {
    section: 'Delete your account',
    password: 'Your password, to confirm',
    submit: 'Delete my account',
    wrong: 'That is not your current password.',
    deleted: 'Your account has been deleted',
    signInLink: 'Go to sign-in',
    mailSubject: 'Your Brobygger account has been deleted',
    email: 'E-mail',
    signInPassword: 'Password',
    signIn: 'Sign in',
    invalid: 'Wrong e-mail or password.',
    soleOwner: /You are the only owner of this workspace/,
    membersOf: (name: string) => `Members of ${name}`,
    lastOwner: 'You are the only owner of a workspace. Make another member its owner before the account is deleted.',
  },
} as const;

async function signInAs(page: Page, user: User, lng: Language) {
  const ui = UI[lng];
  await page.goto('/login');
  await page.getByLabel(ui.email).fill(user.email);
  await page.getByLabel(ui.signInPassword).fill(user.password);
  await page.getByRole('button', { name: ui.signIn }).click();
}

const accountOf = async (db: pg.Client, user: User) =>
  (await db.query('select 1 from auth.users where id = $1', [user.id])).rowCount;

const membershipsOf = async (db: pg.Client, user: User) =>
  (await db.query('select 1 from public.memberships where user_id = $1', [user.id])).rowCount;

async function workspaceName(db: pg.Client, workspace: Workspace) {
  const { rows } = await db.query<{ name: string }>('select name from public.tenants where id = $1', [workspace.id]);
  return rows[0]!.name;
}

test.afterEach(async ({ db, workspace }) => {
  await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
});

inEachLanguage(test, E2E.baseUrl, (lng) => {
  const ui = UI[lng];

  test('a volunteer deletes their account: the password again, then no sign-in and no membership, and the roster keeps them', async ({
    page,
    db,
    workspace,
    makeUser,
  }, testInfo) => {
    const peer = await makeUser('Pia Frivillig');
    await addMembership(db, workspace, peer, 'peer');
    const volunteer = await seedVolunteer(db, workspace, { name: 'Pia Frivillig', userId: peer.id });

    await signInAs(page, peer, lng);
    await expect(page).toHaveURL(`/w/${workspace.slug}`);
    await page.goto('/account');
    const section = page.getByRole('region', { name: ui.section });
    await expect(section).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await screenshotsAtBothSizes(page, testInfo, `account-delete-${lng}`);

    // A wrong password deletes nothing and says why, at the field.
    await section.getByLabel(ui.password).fill('not-my-password');
    await section.getByRole('button', { name: ui.submit }).click();
    await expect(section.getByText(ui.wrong)).toBeVisible();
    await expect(section.getByLabel(ui.password)).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, testInfo, 'account deletion refused');
    expect(await accountOf(db, peer)).toBe(1);

    await section.getByLabel(ui.password).fill(peer.password);
    await section.getByRole('button', { name: ui.submit }).click();
    await expect(page).toHaveURL('/account/deleted');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.deleted);
    await screenshotsAtBothSizes(page, testInfo, `account-deleted-${lng}`);

    expect(await accountOf(db, peer)).toBe(0);
    expect(await membershipsOf(db, peer)).toBe(0);
    // The address is told, in case it was not its owner who did it.
    await expect.poll(() => mailsTo(peer.email).map((m) => m.subject)).toContain(ui.mailSubject);
    const kept = await db.query('select name, user_id from public.volunteers where id = $1', [volunteer]);
    expect(kept.rows).toEqual([{ name: 'Pia Frivillig', user_id: null }]);

    // Signed out here, and the password no longer signs in.
    await page.getByRole('link', { name: ui.signInLink }).click();
    await expect(page).toHaveURL('/login');
    await page.goto(`/w/${workspace.slug}`);
    await expect(page).toHaveURL(/\/login\?redirectTo=/);
    await signInAs(page, peer, lng);
    await expect(page.getByRole('alert')).toHaveText(ui.invalid);
  });

  test('the only owner is sent to hand the workspace over first, and may delete once another owner is made', async ({
    page,
    db,
    workspace,
    owner,
    makeUser,
  }, testInfo) => {
    const name = await workspaceName(db, workspace);
    await signInAs(page, owner, lng);
    await expect(page).toHaveURL(`/w/${workspace.slug}`);
    await page.goto('/account');
    const section = page.getByRole('region', { name: ui.section });
    await expect(section.getByText(ui.soleOwner)).toBeVisible();
    await expect(section.getByLabel(ui.password)).toHaveCount(0);
    await section.scrollIntoViewIfNeeded();
    await screenshotsAtBothSizes(page, testInfo, `account-delete-sole-owner-${lng}`);

    await section.getByRole('link', { name: ui.membersOf(name) }).click();
    await expect(page).toHaveURL(`/w/${workspace.slug}/members`);

    // Another owner, made as the members page would: now the account may go, and the workspace keeps its owner.
    const second = await makeUser('Ole Ejer');
    await addMembership(db, workspace, second, 'owner');
    await page.goto('/account');
    await section.getByLabel(ui.password).fill(owner.password);

    // The other owner leaves while the form is open: the database refuses, and says why.
    await db.query('delete from public.memberships where tenant_id = $1 and user_id = $2', [workspace.id, second.id]);
    await section.getByRole('button', { name: ui.submit }).click();
    await expect(section.getByRole('alert')).toHaveText(ui.lastOwner);
    await expect(section.getByText(ui.soleOwner)).toBeVisible();
    expect(await accountOf(db, owner)).toBe(1);
    await screenshotsAtBothSizes(page, testInfo, `account-delete-refused-${lng}`);

    await addMembership(db, workspace, second, 'owner');
    await page.reload();
    await section.getByLabel(ui.password).fill(owner.password);
    await section.getByRole('button', { name: ui.submit }).click();
    await expect(page).toHaveURL('/account/deleted');
    expect(await accountOf(db, owner)).toBe(0);
    const owners = await db.query("select user_id from public.memberships where tenant_id = $1 and role = 'owner'", [
      workspace.id,
    ]);
    expect(owners.rows).toEqual([{ user_id: second.id }]);
  });
});
