import type { Writable } from 'node:stream';
import { issueAdminToken, revokeAdminToken } from '../auth/admin-tokens';
import { openDatabase, type DatabaseConfig } from '../db/open-database';
import { HubError } from '../errors/hub-error';
import { DEMO_STORE_ID, DEMO_TILL_ID, seedDemoStore } from '../demo/seed-demo-store';
import { seedDemoAdmin } from '../demo/seed-demo-admin';
import { createHub, type HubOptions } from '../server';
import { probeHub } from './admin-client';
import { certificateFingerprint, localUrl, readHubFile, removeHubFile, writeHubFile } from './hub-file';

export type ServeOptions = {
  readonly database: DatabaseConfig;
  readonly port: number;
  readonly host: string;
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Where JSON log lines go (stderr for the command line; stdout carries the one "ready" line). */
  readonly logStream?: Writable;
  readonly logLevel?: string;
  readonly hubOptions?: Partial<Omit<HubOptions, 'database' | 'port' | 'host' | 'tls'>>;
  /** Seed what is missing of the demo store before serving; `onSeeded` gets one line saying what. */
  readonly demo?: { readonly products: number; readonly onSeeded?: (line: string) => void };
};

export type RunningHub = { readonly url: string; close(): Promise<void> };

/** Opens the database (migrating it), starts the hub, and for PGlite publishes hub.json for the admin commands. */
export async function serve(options: ServeOptions): Promise<RunningHub> {
  const dataDir = options.database.kind === 'pglite' ? options.database.dataDir : undefined;
  if (dataDir) {
    const existing = await readHubFile(dataDir);
    if (existing && existing.pid !== process.pid && (await probeHub(existing)).answers) {
      throw new HubError(409, 'already_exists', `A hub already serves ${dataDir} at ${existing.url} (process ${existing.pid})`);
    }
  }
  const database = await openDatabase(options.database);
  let adminToken: string | null = null;
  try {
    if (options.demo) {
      const seeded = await seedDemoStore(database, { products: options.demo.products });
      options.demo.onSeeded?.(
        `demo store ${DEMO_STORE_ID} (till ${DEMO_TILL_ID}) ready: ${seeded.products} demo products, ${seeded.productsCreated} added now` +
          `${seeded.storeCreated ? ', store created' : ''}${seeded.settingsCreated ? ', settings created' : ''}`,
      );
      const admin = await seedDemoAdmin(database, dataDir);
      // With a data directory the password stays in its file (npm start prints it); without, it is said once.
      options.demo.onSeeded?.(
        `demo administrator ${admin.email} ${admin.created ? 'created' : 'ready'}: ` +
          (admin.file ? `password in ${admin.file}` : admin.created ? `password ${admin.password}` : 'password as set before'),
      );
    }
    const hub = await createHub({
      database,
      port: options.port,
      host: options.host,
      logger: options.logStream === undefined ? false : { level: options.logLevel ?? 'info', stream: options.logStream },
      ...(options.tls ? { tls: options.tls } : {}),
      ...options.hubOptions,
    });
    const url = await hub.listen();
    if (dataDir) {
      adminToken = await issueAdminToken(database, `hub process ${process.pid}`);
      await writeHubFile(dataDir, {
        url: localUrl(url),
        adminToken,
        pid: process.pid,
        ...(options.tls ? { certFingerprint256: certificateFingerprint(options.tls.cert) } : {}),
      });
    }
    let closing: Promise<void> | null = null;
    return {
      url,
      close: () =>
        (closing ??= (async () => {
          if (dataDir) await removeHubFile(dataDir);
          await hub.close();
          if (adminToken) await revokeAdminToken(database, adminToken).catch(() => undefined);
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
