-- Demo data for a local Supabase stack is loaded by the app, not by SQL: demo users need
-- accounts in Supabase Auth, which SQL cannot create portably. With the embedded database,
-- `npm start` loads the demo workspaces (packages/db/src/seed). Nothing to do here.
select 1;
