import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '../src/testing/index.ts';
import { ACTOR_LABEL, asActor, REFUSED, type Actor } from './helpers.ts';

/**
 * app.login_attempts belongs to the local auth provider's privileged path alone: no request,
 * signed in or not, whatever its role in whichever workspace, may read or write it.
 */
const ACTORS: Actor[] = ['owner', 'admin', 'coordinator', 'peer', 'viewer', 'stranger', 'regionMember', 'anonymous'];

let world: World;
let key: string;

beforeEach(async () => {
  world = await createWorld();
  key = `email:${randomBytes(6).toString('hex')}@example.dk`;
  await privileged((tx) => tx.query('insert into app.login_attempts (key) values ($1)', [key]));
});

const attemptsFor = (k: string) =>
  privileged((tx) => tx.query<{ key: string }>('select key from app.login_attempts where key = $1', [k]));

const STATEMENTS: { verb: string; sql: string }[] = [
  { verb: 'select', sql: 'select key, attempted_at from app.login_attempts where key = $1' },
  { verb: 'insert', sql: 'insert into app.login_attempts (key) values ($1) returning key' },
  {
    verb: 'update',
    sql: "update app.login_attempts set attempted_at = now() - interval '1 day' where key = $1 returning key",
  },
  { verb: 'delete', sql: 'delete from app.login_attempts where key = $1 returning key' },
];

for (const actor of ACTORS) {
  describe(ACTOR_LABEL[actor], () => {
    for (const { verb, sql } of STATEMENTS) {
      it(`${verb}: is refused`, async () => {
        await expect(asActor(world, actor, (tx) => tx.query(sql, [key]))).rejects.toThrow(REFUSED);
        expect(await attemptsFor(key)).toEqual([{ key }]);
      });
    }
  });
}

describe('privileged path', () => {
  it('reads and writes the table (so the refusals above are about privileges, not a missing table)', async () => {
    expect(await attemptsFor(key)).toEqual([{ key }]);
    expect(
      await privileged((tx) => tx.query('delete from app.login_attempts where key = $1 returning key', [key])),
    ).toEqual([{ key }]);
  });
});
