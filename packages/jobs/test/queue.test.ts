import '@brobygger/db/testing';
import { privileged } from '@brobygger/db/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { JOB_SCHEMA, startJobQueue, type JobData, type JobQueue } from '../src/index.ts';

const started: JobQueue[] = [];
const log: { level: string; message: string }[] = [];

async function queue() {
  const q = await startJobQueue({
    connectionString: inject('db').adminUrl,
    log: (level, message) => void log.push({ level, message }),
    pollingIntervalSeconds: 0.5,
  });
  started.push(q);
  return q;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((q) => q.stop()));
});

/** Resolves with the first `count` jobs the queue hands its worker. */
function received<Q extends keyof JobData>(q: JobQueue, name: Q, count = 1, handle?: (data: JobData[Q]) => void) {
  const seen: JobData[Q][] = [];
  return new Promise<JobData[Q][]>((resolve) => {
    void q.work(name, async (data) => {
      handle?.(data);
      seen.push(data);
      if (seen.length === count) resolve(seen);
    });
  });
}

const mail = (to: string) => ({ to, subject: 'Invitation', text: `Hello ${to}` });

describe('the job queue', () => {
  it('hands a sent mail to a worker, once', async () => {
    const q = await queue();
    const to = `once-${Date.now()}@test.brobygger.dk`;
    const got = received(q, 'mail');
    await q.send('mail', mail(to));
    expect(await got).toEqual([mail(to)]);
  });

  it('keeps a job that no process has taken yet: a server that restarts still sends it', async () => {
    const to = `restart-${Date.now()}@test.brobygger.dk`;
    const before = await queue();
    await before.send('mail', mail(to));
    await before.stop();
    started.splice(started.indexOf(before), 1);

    const after = await queue();
    const got = await received(after, 'mail', 1);
    expect(got.map((m) => m.to)).toContain(to);
  });

  it('tries a job again when its handler throws (a mail server that refused)', async () => {
    const q = await queue();
    const to = `retry-${Date.now()}@test.brobygger.dk`;
    let attempts = 0;
    const sent = new Promise<number>((resolve) => {
      void q.work('mail', async (data) => {
        if (data.to !== to) return;
        attempts += 1;
        if (attempts === 1) throw new Error('421 try again later');
        resolve(attempts);
      });
    });
    await q.send('mail', mail(to));
    expect(await sent).toBe(2);
    expect(log).toContainEqual({ level: 'error', message: 'job mail failed' });
  }, 30_000);

  it('keeps its tables outside the API: no grant to anon, authenticated or the request role', async () => {
    await queue();
    const grants = await privileged((tx) =>
      tx.query<{ grantee: string; table_name: string }>(
        `select grantee, table_name from information_schema.role_table_grants
          where table_schema = $1 and grantee in ('anon', 'authenticated', 'authenticator', 'service_role', 'brobygger_auth', 'brobygger_api')`,
        [JOB_SCHEMA],
      ),
    );
    expect(grants).toEqual([]);
    const usage = await privileged((tx) =>
      tx.query<{ role: string }>(
        `select r.rolname as role from pg_roles r
          where r.rolname in ('anon', 'authenticated', 'authenticator', 'brobygger_auth', 'brobygger_api')
            and has_schema_privilege(r.rolname, $1, 'usage')`,
        [JOB_SCHEMA],
      ),
    );
    expect(usage).toEqual([]);
  });

  it('keeps the retention schedule once, however many processes schedule it, and runs a retention job sent by hand', async () => {
    const [a, b] = [await queue(), await queue()];
    await a.schedule('retention', '30 2 * * *', {});
    await b.schedule('retention', '30 2 * * *', {});
    const schedules = await privileged((tx) =>
      tx.query<{ name: string; cron: string }>(
        `select name, cron from ${JOB_SCHEMA}.schedule where name = 'retention'`,
      ),
    );
    expect(schedules).toEqual([{ name: 'retention', cron: '30 2 * * *' }]);
    const ran = received(a, 'retention');
    await a.send('retention', {});
    expect(await ran).toEqual([{}]);
  });
});
