import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Overridable so two runs on one machine (a developer's and a CI rehearsal) do not collide.
const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54399);
const dataDir = path.join(repoRoot, `.data/e2e-${port}`);

export const E2E = {
  /**
   * How many times slower every test page's CPU runs (Chromium's own throttling; 1: not at all).
   * `E2E_CPU_THROTTLE=4 npm run test:e2e` is a weak laptop: it shows tests that race the app.
   */
  cpuThrottle: Number(process.env.E2E_CPU_THROTTLE ?? 1),
  repoRoot,
  port,
  pgPort,
  baseUrl: `http://localhost:${port}`,
  dataDir,
  serverLog: path.join(dataDir, 'server.log'),
};
