import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../db/open-database';

/** The repository root: this module runs from sync-server/src/cli or bundled in sync-server/dist. */
function repoRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sourceOrDist = here.endsWith(`${path.sep}cli`) ? path.dirname(here) : here;
  return path.resolve(sourceOrDist, '..', '..');
}

export function defaultDataDir(): string {
  return path.join(repoRoot(), '.data', 'hub');
}

/** DATABASE_URL selects PostgreSQL; otherwise PGlite in the data directory. */
export function databaseConfig(env: NodeJS.ProcessEnv, dataDir: string | undefined): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: path.resolve(dataDir ?? defaultDataDir()) };
}
