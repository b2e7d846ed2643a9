import type { Database } from '../db/database';
import { migrationsApplied } from '../db/migrations';
import { HubError } from '../errors/hub-error';
import type { HubApp } from './hub-app';

/** /health: the process answers. /ready: it can serve (database reachable, schema up to date). */
export function registerHealthRoutes(app: HubApp, options: { db: Database; migrationsFolder: string; isClosing: () => boolean }): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (request) => {
    if (options.isClosing()) throw new HubError(503, 'shutting_down', 'The hub is shutting down');
    let applied: boolean;
    try {
      applied = await migrationsApplied(options.db, options.migrationsFolder);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      throw new HubError(503, 'not_ready', 'The hub cannot reach its database');
    }
    if (!applied) throw new HubError(503, 'not_ready', 'The database schema is not up to date (migrations not applied)');
    return { status: 'ready' };
  });
}
