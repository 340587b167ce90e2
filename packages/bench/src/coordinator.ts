import { createCaller } from '@brobygger/api';
import { openWithRls, withRls } from '@brobygger/db';
import { addMember, createTenant, createUser, type Role, type TestTenant } from '@brobygger/db/testing';
import type { Log } from './measure.ts';

/**
 * A fresh workspace (a municipality unless told) and a coordinator of it (or the role given), with the tRPC server-side caller the app would build
 * for them: every procedure runs in the coordinator's RLS transaction.
 */
export async function coordinatorWorkspace(
  log: Log,
  name: string,
  { kind = 'municipality', role = 'coordinator' }: { kind?: 'municipality' | 'region'; role?: Role } = {},
) {
  const tenant: TestTenant = await createTenant(kind, name);
  const coordinator = await createUser(role);
  await addMember(tenant, coordinator, role);
  const caller = createCaller({
    session: { userId: coordinator.id, email: coordinator.email, claims: coordinator.claims },
    db: {
      tx: (fn) => withRls(coordinator.claims, fn),
      open: (statement) => openWithRls(coordinator.claims, statement),
    },
    mailer: { send: async () => {} },
    appUrl: 'http://localhost:3000',
    locale: 'da',
    log: (level, message, extra) => log(`[api ${level}] ${message} ${extra ? JSON.stringify(extra) : ''}`),
  });
  return { tenant, coordinator, caller };
}
