import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { closePools, configurePools } from '@brobygger/db';
import { addMember, createTenant, createUser, removeTenants, removeUsers } from '@brobygger/db/testing';
import { hash } from '@node-rs/argon2';
import { test as base, expect, type Page } from '@playwright/test';
import pg from 'pg';
import { E2E } from './env.ts';

export type Workspace = { id: string; slug: string; name: string };
export type User = { id: string; email: string; password: string; name: string };

/** Which server's database the fixtures work in: the e2e server's, unless a spec starts its own. */
export type ServerDatabase = { dataDir: string; pgPort: number };

/** A server's embedded database, whose passwords the server wrote to its data directory. */
function databaseUrls({ dataDir, pgPort }: ServerDatabase) {
  const secrets = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as {
    adminPassword: string;
    apiPassword: string;
  };
  const at = `@127.0.0.1:${pgPort}/brobygger`;
  return {
    adminUrl: `postgres://postgres:${secrets.adminPassword}${at}`,
    requestUrl: `postgres://brobygger_api:${secrets.apiPassword}${at}`,
  };
}

const unique = () => randomBytes(4).toString('hex');

/**
 * Each test gets its own workspace and owner, created with @brobygger/db/testing on the privileged
 * path (as an operator would), and removed afterwards together with every user the test made.
 * `db` is a raw privileged connection for a test's own setup and checks.
 */
export const test = base.extend<
  {
    db: pg.Client;
    workspace: Workspace;
    owner: User;
    makeUser: (name?: string) => Promise<User>;
  },
  { pools: void; serverDatabase: ServerDatabase }
>({
  // A spec with its own server (billing-on.spec.ts) overrides this; Playwright then gives it its own workers.
  serverDatabase: [
    { dataDir: E2E.dataDir, pgPort: E2E.pgPort },
    { scope: 'worker', option: true },
  ],

  // The db package's pools, pointed at the e2e server's database once per worker process.
  pools: [
    async ({ serverDatabase }, use) => {
      configurePools({ ...databaseUrls(serverDatabase), max: 2 });
      await use();
      await closePools();
    },
    { scope: 'worker', auto: true },
  ],

  page: async ({ page }, use) => {
    if (E2E.cpuThrottle > 1)
      await (
        await page.context().newCDPSession(page)
      ).send('Emulation.setCPUThrottlingRate', { rate: E2E.cpuThrottle });
    await use(page);
  },

  db: async ({ serverDatabase }, use) => {
    const client = new pg.Client({ connectionString: databaseUrls(serverDatabase).adminUrl });
    await client.connect();
    await use(client);
    await client.end();
  },

  // eslint-disable-next-line no-empty-pattern
  makeUser: async ({}, use) => {
    const made: { id: string }[] = [];
    await use(async (name = 'Test Person') => {
      const password = `pw-${unique()}-${unique()}`;
      const user = await createUser('e2e', { name, passwordHash: await hash(password) });
      made.push(user);
      return { id: user.id, email: user.email, password, name };
    });
    await removeUsers(made);
  },

  // eslint-disable-next-line no-empty-pattern
  workspace: async ({}, use) => {
    const workspace = await createTenant('municipality', `Testkommune ${unique()}`);
    await use(workspace);
    await removeTenants([workspace]);
  },

  owner: async ({ workspace, makeUser }, use) => {
    const user = await makeUser('Olivia Ejer');
    await addMember(workspace, user, 'owner', user.name);
    await use(user);
  },
});

export { expect };

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel(/Adgangskode|Password/).fill(user.password);
  await page.getByRole('button', { name: /Log ind|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

type LoggedMail = { to: string; subject: string; text: string };

/** The mails to `email` that the server wrote to its log so far (no SMTP in tests), oldest first. */
export const mailsTo = (email: string): LoggedMail[] =>
  readFileSync(E2E.serverLog, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"mail"') && l.includes(email))
    .map((l) => (JSON.parse(l) as { mail: LoggedMail }).mail);

/** The link in the newest mail to `email`, waiting a moment for the queue to send it. */
async function mailedLink(email: string, link: RegExp, what: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = mailsTo(email).at(-1)?.text.match(link)?.[0];
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what} mail for ${email} in the server log`);
}

export const invitationLinkFor = (email: string) =>
  mailedLink(email, /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/, 'invitation');

export const signupConfirmationLinkFor = (email: string) =>
  mailedLink(email, /https?:\/\/\S+\/signup\/confirm\?token_hash=[A-Za-z0-9_-]+/, 'sign-up confirmation');

export const signInLinkFor = (email: string) =>
  mailedLink(email, /https?:\/\/\S+\/auth\/confirm\?token_hash=[A-Za-z0-9_-]+/, 'sign-in link');
