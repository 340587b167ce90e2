import PgBoss from 'pg-boss';

/**
 * Work the app does after answering a request, kept in Postgres by pg-boss (docs/decisions/017):
 * a job survives a restart, is retried with backoff when the mail server refuses, and runs once
 * even with several server processes (SKIP LOCKED).
 *
 * Each queue and the data its jobs carry, named once here.
 */
export type JobData = {
  /** A finished message: invitations and anything else the API mails. */
  mail: { to: string; subject: string; text: string };
  /**
   * "Send me a sign-in link": the request only admits the attempt and queues this, so the answer
   * and its timing are the same whether or not an account has the address. The worker looks the
   * account up, issues the link and mails it.
   */
  'sign-in-link': { email: string; locale: string };
  /**
   * Erase the ended participants and stopped volunteers each workspace's retention setting says
   * to (decision 024). Scheduled nightly; sent by hand to run it now. Carries nothing.
   */
  retention: Record<string, never>;
  /**
   * A new account's address is confirmed by a link (sign-up without an invitation, decision 028):
   * the worker issues a single-use link leading to /signup/confirm and mails it.
   */
  'signup-confirmation': { email: string; locale: string };
  /** Delete the workspaces whose owners closed them longer ago than the waiting period. Nightly. */
  'closed-workspaces': Record<string, never>;
};
export type QueueName = keyof JobData;
export const QUEUE_NAMES = [
  'mail',
  'sign-in-link',
  'retention',
  'signup-confirmation',
  'closed-workspaces',
] as const satisfies readonly QueueName[];

export type JobQueue = {
  send<Q extends QueueName>(queue: Q, data: JobData[Q]): Promise<void>;
  /** Runs `handler` for each job of the queue in this process; a throw retries the job later. */
  work<Q extends QueueName>(queue: Q, handler: (data: JobData[Q]) => Promise<void>): Promise<void>;
  /**
   * Sends a job to the queue on a cron schedule (UTC), once across every server process: pg-boss
   * keeps the schedule in its tables and one process's clock monitor sends each occurrence.
   */
  schedule<Q extends QueueName>(queue: Q, cron: string, data: JobData[Q]): Promise<void>;
  stop(): Promise<void>;
};

export type JobQueueOptions = {
  /** A role that may create schema `pgboss` on first start (the migration role). */
  connectionString: string;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds?: number;
  /**
   * Only sends: for a server's extra HTTP processes. The process that runs the workers also
   * creates the schema and queues, keeps the schedule and does pg-boss's maintenance, once.
   */
  sendOnly?: boolean;
};

/** pg-boss's own tables live in their own schema, outside `public`, with no grants to API roles. */
export const JOB_SCHEMA = 'pgboss';

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_SCHEMA,
    application_name: 'brobygger-jobs',
    max: 3,
    // A mail job carries a sign-in or invitation link: keep finished jobs briefly, then drop them.
    archiveCompletedAfterSeconds: 60,
    deleteAfterHours: 1,
    ...(options.sendOnly ? { migrate: false, supervise: false, schedule: false } : {}),
  });
  boss.on('error', (error: unknown) => options.log('error', 'job queue error', { err: error }));
  await boss.start();
  for (const name of options.sendOnly ? [] : QUEUE_NAMES) {
    // Five tries over about two minutes; after that the job is kept as failed and logged. A
    // retention run goes through every workspace and may take longer than a mail.
    const expireInSeconds = name === 'retention' || name === 'closed-workspaces' ? 3600 : 60;
    await boss.createQueue(name, { name, retryLimit: 4, retryDelay: 5, retryBackoff: true, expireInSeconds });
  }
  const polling = options.pollingIntervalSeconds ?? 1;

  return {
    async send(queue, data) {
      await boss.send(queue, data);
    },
    async schedule(queue, cron, data) {
      await boss.schedule(queue, cron, data, { tz: 'UTC' });
    },
    async work(queue, handler) {
      await boss.work<JobData[typeof queue]>(queue, { pollingIntervalSeconds: polling, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data);
          } catch (error) {
            options.log('error', `job ${queue} failed`, { err: error, jobId: job.id });
            throw error;
          }
        }
      });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/**
 * The same interface without Postgres: a job runs as soon as it is sent, in the sender's call.
 * For tests of the HTTP server that are not about the queue (they use no mail).
 */
export function createInlineJobQueue(): JobQueue {
  const handlers = new Map<QueueName, (data: never) => Promise<void>>();
  return {
    async send(queue, data) {
      await handlers.get(queue)?.(data as never);
    },
    // Nothing runs on a clock here; a test sends the job when it wants it to run.
    async schedule() {},
    async work(queue, handler) {
      handlers.set(queue, handler as (data: never) => Promise<void>);
    },
    async stop() {},
  };
}
