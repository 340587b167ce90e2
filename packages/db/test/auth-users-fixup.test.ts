import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { USER_STRING_COLUMNS } from '../src/embedded/supabase-auth-tables.ts';
import { privileged } from '../src/testing/index.ts';

/**
 * Migration 20261130110000 completes the users the local provider made before it (decision 032).
 * The migration has run once when this test starts, so the test runs its data section again on
 * a user shaped as the old provider wrote one, and on a complete user it must leave alone.
 */

const MIGRATION = new URL(
  '../../../supabase/migrations/20261130110000_local_auth_supabase_compatible.sql',
  import.meta.url,
);

/** The statement between the migration's "Data" and "Functions" banners. */
function dataSection(): string {
  const sql = readFileSync(MIGRATION, 'utf8');
  const start = sql.indexOf('-- Data:');
  const end = sql.indexOf('-- Functions');
  if (start < 0 || end < start) throw new Error('the migration no longer has its Data section');
  return sql.slice(start, end).replace(/^-- =+$/gm, '');
}

describe('the fix-up of users made before decision 032', () => {
  it('completes an old-style user as Supabase Auth reads it, and leaves a complete user alone', async () => {
    const [old, complete] = await privileged(async (tx) => {
      const made = await tx.query<{ id: string }>(
        `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_user_meta_data, raw_app_meta_data)
         values (gen_random_uuid(), null, null, 'old-' || gen_random_uuid() || '@test.brobygger.dk', 'h', now(),
                 '{"name":"Old"}', null),
                (gen_random_uuid(), 'authenticated', 'authenticated', 'new-' || gen_random_uuid() || '@test.brobygger.dk', 'h', now(),
                 '{"name":"New"}', '{"provider":"email","providers":["email"]}')
         returning id`,
      );
      // The second one as the new provider writes it, with a created_at in the past to see it kept.
      await tx.query(
        `update auth.users set instance_id = '00000000-0000-0000-0000-000000000000', is_super_admin = false,
           created_at = '2026-01-01', updated_at = '2026-01-01',
           ${USER_STRING_COLUMNS.map((c) => `${c} = ''`).join(', ')}
         where id = $1`,
        [made[1]!.id],
      );
      await tx.query(
        `update auth.users set ${USER_STRING_COLUMNS.map((c) => `${c} = null`).join(', ')} where id = $1`,
        [made[0]!.id],
      );
      return made.map((m) => m.id);
    });

    await privileged((tx) => tx.query(dataSection()));

    const rows = await privileged((tx) =>
      tx.query<Record<string, unknown>>(
        `select id, instance_id, aud, role, is_super_admin, raw_app_meta_data, created_at is not null as created,
                updated_at = '2026-01-01' as untouched, ${USER_STRING_COLUMNS.join(', ')}
         from auth.users where id = any ($1::uuid[])`,
        [[old, complete]],
      ),
    );
    const empty = Object.fromEntries(USER_STRING_COLUMNS.map((c) => [c, '']));
    const expected = {
      instance_id: '00000000-0000-0000-0000-000000000000',
      aud: 'authenticated',
      role: 'authenticated',
      is_super_admin: false,
      raw_app_meta_data: { provider: 'email', providers: ['email'] },
      created: true,
      ...empty,
    };
    expect(rows.find((r) => r.id === old)).toEqual({ id: old, ...expected, untouched: false });
    expect(rows.find((r) => r.id === complete)).toEqual({ id: complete, ...expected, untouched: true });
  });
});
