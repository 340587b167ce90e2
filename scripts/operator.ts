/**
 * `npm run operator -- add <email>` / `remove <email>` / `list`: who may open the operator's console
 * (decision 028). Runs on the privileged path against DATABASE_ADMIN_URL, or the embedded database;
 * the account must exist (sign up or be invited first).
 */
import { closePools, configurePools, openDatabase, withPrivilegedTx } from '@brobygger/db';
import { getEnv } from '@brobygger/env';

const [command, rawEmail] = process.argv.slice(2);
const email = rawEmail?.trim().toLowerCase();
if (!['add', 'remove', 'list'].includes(command ?? '') || (command !== 'list' && !email)) {
  console.error('Usage: npm run operator -- add <email> | remove <email> | list');
  process.exit(2);
}

const env = getEnv();
const db = env.embeddedDatabase ? await openDatabase(env, () => undefined) : null;
if (!db) configurePools({ requestUrl: env.DATABASE_URL!, adminUrl: env.DATABASE_ADMIN_URL! });
try {
  const message = await withPrivilegedTx('operator', async (tx) => {
    if (command === 'list') {
      const rows = await tx.query<{ email: string }>(
        'select u.email from app.operators o join auth.users u on u.id = o.user_id order by u.email',
      );
      return rows.map((r) => r.email).join('\n') || '(no operators)';
    }
    const user = await tx.one<{ id: string }>('select id from auth.users where email = $1 and deleted_at is null', [
      email,
    ]);
    if (!user) return `No account has the e-mail ${email}.`;
    if (command === 'add') {
      await tx.query('insert into app.operators (user_id) values ($1) on conflict do nothing', [user.id]);
      return `${email} is an operator.`;
    }
    await tx.query('delete from app.operators where user_id = $1', [user.id]);
    return `${email} is no longer an operator.`;
  });
  console.log(message);
} finally {
  if (db) await db.close();
  else await closePools();
}
