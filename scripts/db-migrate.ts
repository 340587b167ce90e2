/**
 * `npm run db:migrate`: applies supabase/migrations to DATABASE_ADMIN_URL (or to the embedded
 * database, which also happens on every `npm start`). `supabase db push` does the same job and
 * records the same versions.
 */
import { closePools, configurePools, migrate, openDatabase } from '@brobygger/db';
import { getEnv } from '@brobygger/env';

const env = getEnv();
if (env.embeddedDatabase) {
  const db = await openDatabase(env, console.log);
  await db.close();
} else {
  configurePools({ requestUrl: env.DATABASE_URL!, adminUrl: env.DATABASE_ADMIN_URL! });
  const ran = await migrate(console.log);
  console.log(ran.length ? `Applied ${ran.length} migration(s).` : 'Nothing to apply.');
  await closePools();
}
