import type { Writable } from 'node:stream';
import { pino } from 'pino';
import { openDatabase, type DatabaseConfig } from '../db/open-database';
import { HubError } from '../errors/hub-error';
import { startProjectors } from '../projectors';

export type RunningProjectors = { close(): Promise<void> };

/**
 * The chain verifier and the projections in a process of their own, next to hubs started with
 * `serve --without-projectors`: under hundreds of tills the hub's event loop is busy with their
 * pushes, and each projector step waits behind them for every answer of the database. PostgreSQL
 * only (PGlite serves one process). Several such processes may run: a store's step is serialised by
 * its checkpoint row.
 */
export async function runProjectors(
  database: DatabaseConfig,
  options: { readonly logStream: Writable; readonly logLevel?: string },
): Promise<RunningProjectors> {
  if (database.kind !== 'postgres')
    throw new HubError(400, 'bad_request', 'The projectors run in a process of their own on PostgreSQL only (set DATABASE_URL)');
  const log = pino({ level: options.logLevel ?? 'info', base: { pid: process.pid, role: 'projectors' } }, options.logStream);
  const db = await openDatabase({ ...database, onError: (error) => log.error({ err: error }, 'database connection failed') });
  try {
    const projectors = await startProjectors(db, {
      onError: (error, storeId, failed) => log.error({ err: error, storeId }, `${failed} failed; retrying`),
    });
    log.info('projectors started');
    return {
      async close() {
        await projectors.close();
        await db.close();
        log.info('projectors stopped');
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
