import type { Database } from '../db/database';
import { migrationsApplied } from '../db/migrations';
import { HubError } from '../errors/hub-error';
import type { HubApp } from './hub-app';

/** A ready hub stays ready this long without asking again (a load balancer probes every few seconds). */
const READY_FOR_MS = 1000;

type Readiness = { readonly ready: true } | { readonly ready: false; readonly error: HubError };

/**
 * /health: the process answers. /ready: it can serve (database reachable, schema up to date).
 * Anyone may call /ready, and a check reads the migration files and asks the database: one check
 * runs at a time whatever the number of callers, and a ready answer is reused for a second.
 */
export function registerHealthRoutes(app: HubApp, options: { db: Database; migrationsFolder: string; isClosing: () => boolean }): void {
  let running: Promise<Readiness> | null = null;
  let readyUntil = 0;

  async function check(): Promise<Readiness> {
    try {
      if (await migrationsApplied(options.db, options.migrationsFolder)) return { ready: true };
      return { ready: false, error: new HubError(503, 'not_ready', 'The database schema is not up to date (migrations not applied)') };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      return { ready: false, error: new HubError(503, 'not_ready', 'The hub cannot reach its database') };
    }
  }

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async () => {
    if (options.isClosing()) throw new HubError(503, 'shutting_down', 'The hub is shutting down');
    if (Date.now() < readyUntil) return { status: 'ready' };
    running ??= check().finally(() => (running = null));
    const readiness = await running;
    if (!readiness.ready) throw readiness.error;
    readyUntil = Date.now() + READY_FOR_MS;
    return { status: 'ready' };
  });
}
