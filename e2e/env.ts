import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, '.data/e2e');

export const E2E = {
  repoRoot,
  port: 3100,
  pgPort: 54399,
  baseUrl: 'http://localhost:3100',
  dataDir,
  serverLog: path.join(dataDir, 'server.log'),
};
