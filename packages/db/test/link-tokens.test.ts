import { describe, expect, it } from 'vitest';
import { as, createWorld, privileged } from '../src/testing/index.ts';

/**
 * The local provider's sign-in links (migration local_auth_supabase_compatible): a table of the
 * auth service's own, with row-level security, that no member of any workspace can read or write.
 */
describe('brobygger_auth.link_tokens', () => {
  it('has row-level security, and a policy only for the auth service', async () => {
    const table = await privileged((tx) =>
      tx.one<{ rls: boolean; roles: string[] }>(
        `select c.relrowsecurity as rls,
                array(select r::regrole::text from pg_policy p, unnest(p.polroles) r where p.polrelid = c.oid) as roles
         from pg_class c where c.oid = 'brobygger_auth.link_tokens'::regclass`,
      ),
    );
    expect(table).toEqual({ rls: true, roles: ['brobygger_auth'] });
  });

  it('no workspace member, of this or another workspace, nor an anonymous visitor, reads or writes it', async () => {
    const world = await createWorld();
    await privileged((tx) =>
      tx.query("insert into brobygger_auth.link_tokens (user_id, token_hash) values ($1, 'hash-of-a-link')", [
        world.users.owner.id,
      ]),
    );
    for (const user of [world.users.owner, world.users.stranger, world.users.regionMember, null]) {
      await expect(as(user, (tx) => tx.query('select token_hash from brobygger_auth.link_tokens'))).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        as(user, (tx) => tx.query('delete from brobygger_auth.link_tokens where user_id = $1', [world.users.owner.id])),
      ).rejects.toThrow(/permission denied/);
    }
    const kept = await privileged((tx) =>
      tx.query('select 1 from brobygger_auth.link_tokens where user_id = $1', [world.users.owner.id]),
    );
    expect(kept).toHaveLength(1);
  });
});
