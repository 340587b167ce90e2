import { createCaller } from '@brobygger/api';
import { withRls } from '@brobygger/db';
import { addMember, createTenant, createUser, type TestTenant } from '@brobygger/db/testing';
import type { Log } from './measure.ts';

/**
 * A fresh workspace and a coordinator of it, with the tRPC server-side caller the app would build
 * for them: every procedure runs in the coordinator's RLS transaction.
 */
export async function coordinatorWorkspace(log: Log, name: string) {
  const tenant: TestTenant = await createTenant('municipality', name);
  const coordinator = await createUser('coordinator');
  await addMember(tenant, coordinator, 'coordinator');
  const caller = createCaller({
    session: { userId: coordinator.id, email: coordinator.email, claims: coordinator.claims },
    db: { tx: (fn) => withRls(coordinator.claims, fn) },
    mailer: { send: async () => {} },
    appUrl: 'http://localhost:3000',
    locale: 'da',
    log: (level, message, extra) => log(`[api ${level}] ${message} ${extra ? JSON.stringify(extra) : ''}`),
  });
  return { tenant, coordinator, caller };
}
