import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { test as base, expect, type Page } from '@playwright/test';
import pg from 'pg';
import { E2E } from './env.ts';

export type Workspace = { id: string; slug: string; name: string };
export type User = { id: string; email: string; password: string; name: string };

function adminUrl() {
  const secrets = JSON.parse(readFileSync(path.join(E2E.dataDir, 'secrets.json'), 'utf8')) as { adminPassword: string };
  return `postgres://postgres:${secrets.adminPassword}@127.0.0.1:${E2E.pgPort}/brobygger`;
}

const unique = () => randomBytes(4).toString('hex');

/**
 * Each test gets its own workspace and owner, created through the database's privileged path
 * (as an operator would), and removed afterwards together with every user the test made.
 */
export const test = base.extend<{
  db: pg.Client;
  workspace: Workspace;
  owner: User;
  makeUser: (name?: string) => Promise<User>;
}>({
  // Playwright requires the object pattern even when a fixture depends on nothing.
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    await use(client);
    await client.end();
  },

  makeUser: async ({ db }, use) => {
    const made: string[] = [];
    await use(async (name = 'Test Person') => {
      const email = `e2e-${unique()}@test.brobygger.dk`;
      const password = `pw-${unique()}-${unique()}`;
      const { rows } = await db.query<{ id: string }>(
        `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_user_meta_data)
         values (gen_random_uuid(), 'authenticated', 'authenticated', $1, $2, now(), jsonb_build_object('name', $3::text))
         returning id`,
        [email, await hash(password), name],
      );
      made.push(rows[0]!.id);
      return { id: rows[0]!.id, email, password, name };
    });
    await db.query('delete from auth.users where id = any($1::uuid[])', [made]);
  },

  workspace: async ({ db }, use) => {
    const slug = `e2e-${unique()}`;
    const name = `Testkommune ${slug.slice(4)}`;
    const { rows } = await db.query<{ id: string }>(
      "insert into public.tenants (kind, name, slug) values ('municipality', $1, $2) returning id",
      [name, slug],
    );
    await use({ id: rows[0]!.id, slug, name });
    await db.query('delete from public.tenants where id = $1', [rows[0]!.id]);
  },

  owner: async ({ db, workspace, makeUser }, use) => {
    const user = await makeUser('Olivia Ejer');
    await db.query(
      "insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, 'owner', $3, $4)",
      [workspace.id, user.id, user.name, user.email],
    );
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

/** The link in the newest mail to `email` that the server wrote to its log (no SMTP in tests). */
async function mailedLink(email: string, link: RegExp, what: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const log = readFileSync(E2E.serverLog, 'utf8');
    const lines = log.split('\n').filter((l) => l.includes('"mail"') && l.includes(email));
    const last = lines.at(-1);
    if (last) {
      const text = (JSON.parse(last) as { mail: { text: string } }).mail.text;
      const found = text.match(link)?.[0];
      if (found) return found;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what} mail for ${email} in the server log`);
}

export const invitationLinkFor = (email: string) =>
  mailedLink(email, /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/, 'invitation');

export const signInLinkFor = (email: string) =>
  mailedLink(email, /https?:\/\/\S+\/auth\/confirm\?token_hash=[A-Za-z0-9_-]+/, 'sign-in link');
