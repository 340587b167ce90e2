export { configurePools, closePools, getPools } from './pools.ts';
export {
  withRls,
  openWithRls,
  type OpenedTransaction,
  withPrivilegedTx,
  withAuthTx,
  type Claims,
  type LiveSession,
  type PrivilegedPurpose,
} from './rls.ts';
export { sql, type SqlText } from './sql-text.ts';
export { checkDatabaseRole, RoleCheckError } from './role-check.ts';
export type { Tx } from './tx.ts';
export { DatabaseUnavailableError, isUnavailable, raisedKey } from './errors.ts';
export { migrate, listMigrations } from './migrate.ts';
export {
  startEmbeddedDatabase,
  OutdatedDataDirectoryError,
  API_ROLE,
  type EmbeddedDatabase,
} from './embedded/launch.ts';
export { freePort } from './embedded/free-port.ts';
export { SUPABASE_INSTANCE_ID, SUPABASE_USER_FILL, USER_STRING_COLUMNS } from './embedded/supabase-auth-tables.ts';
export { seedDemo, type CreateUser } from './seed/seed-demo.ts';
export { DEMO_PASSWORD, DEMO_USERS, DEMO_TENANTS } from './seed/demo-data.ts';
export { openDatabase, type OpenDatabase } from './open.ts';
export { scheduleDates, MAX_SCHEDULED_SESSIONS, type Schedule } from './schedule.ts';
