import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPrivilegedTx } from './rls.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../supabase/migrations', import.meta.url));

export type Migration = { version: string; name: string; file: string };

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
      return { version: version!, name: rest.join('_'), file: path.join(dir, file) };
    });
}

/**
 * Applies pending files from supabase/migrations, each in its own transaction, and records them
 * in supabase_migrations.schema_migrations exactly as the Supabase CLI does, so a database set up
 * here and one set up by `supabase db push` agree on what has been applied.
 */
export async function migrate(log: (line: string) => void = () => {}): Promise<string[]> {
  const applied = await withPrivilegedTx('migrate', (tx) =>
    tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations'),
  );
  const done = new Set(applied.map((r) => r.version));
  const ran: string[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.version)) continue;
    const sql = readFileSync(m.file, 'utf8');
    await withPrivilegedTx('migrate', async (tx) => {
      await tx.query(sql);
      await tx.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
        [m.version, m.name, [sql]],
      );
    });
    log(`applied migration ${m.version}_${m.name}`);
    ran.push(m.version);
  }
  return ran;
}
