/**
 * Push ingest through clients, on the same documents and the same parallelism (one writer per
 * till): the hub on PostgreSQL fed by RxDB clients, pouchdb-server (LevelDB) fed by PouchDB
 * clients. The baselines without HTTP (the ceiling, the hub's push function in-process) are in
 * push-baselines.ts.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { DEFAULT_VERIFY_MAX_LAG_MS, DEFAULT_VERIFY_SETTLE_MS } from '../../sync-server/src/fiscal/chain-verifier';
import { enrolledTills } from '../../sync-server/src/test-support/test-hub';
import { exportTillKey, newTillKey } from '../../sync-server/src/test-support/till-keys';
import { freePort } from '../../tests/support/free-port';
import { repoRoot } from '../../tests/support/till-process';
import type { ClientStats, ClientTill, FromClients, RxStorageName, ToClients } from './push-clients';
import { freshDatabase, hubWarnings, log, onCleanup, secondsUntilProjected, startHub, tempDir, track } from './rig';
import type { TillIdentity } from './sale-docs';

/** RxDB's free tier opens at most 13 collections per process: ten tills (one collection each) per client process. */
const TILLS_PER_PROCESS = 10;
const POLL_MS = 20;
/**
 * Node flags of the client processes, RxDB's and PouchDB's alike. The simulated tills share the
 * server's 2 cores here (in a shop each till is its own machine), so their overhead is kept low:
 * a 32 MB young generation, where each holds its thousands of sales and their replication state,
 * cut their garbage collection enough to raise both servers' figures by about 5 % (measured with
 * and without, 2 × 3 rounds each). Extra flags for investigations: BENCH_CLIENT_NODE_ARGS, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
const CLIENT_NODE_ARGS = ['--max-semi-space-size=32', ...(process.env.BENCH_CLIENT_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];

export type PushShape = {
  readonly run: string;
  readonly docs: number;
  readonly tills: number;
  readonly stores: number;
  readonly batchSize: number;
  readonly rxStorage: RxStorageName;
};

export type PushResult = {
  readonly docs: number;
  /** From the first push request any client sent until the server held every document. */
  readonly seconds: number;
  readonly docsPerS: number;
  /** From "go" (replications started) to the first push request (RxDB's push handler called; PouchDB's first POST _bulk_docs). */
  readonly firstPushMs: number | null;
  /** From "go" until the server held every document. */
  readonly fromStartSeconds: number;
  readonly stats: ClientStats | null;
  readonly notes: readonly string[];
};

/** Tills T01… spread over stores B001… (round robin). */
export function tillLayout(tills: number, stores: number): TillIdentity[] {
  return Array.from({ length: tills }, (_, i) => ({
    storeId: `B${String((i % stores) + 1).padStart(3, '0')}`,
    tillId: `T${String(Math.floor(i / stores) + 1).padStart(2, '0')}`,
  }));
}

export function docsPerTill(shape: PushShape): number {
  return Math.ceil(shape.docs / shape.tills);
}

type ClientProcess = {
  readonly child: ChildProcess;
  next(type: FromClients['type']): Promise<FromClients>;
  send(message: ToClients): void;
};

function forkClients(label: string): ClientProcess {
  const child = fork(path.join(import.meta.dirname, 'push-clients.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', ...CLIENT_NODE_ARGS],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  track(child, label);
  // Whatever the clients print goes to stderr: stdout is the figures' alone.
  child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const inbox: FromClients[] = [];
  const waiters: (() => void)[] = [];
  let exited = false;
  child.on('message', (message: FromClients) => {
    inbox.push(message);
    for (const w of waiters.splice(0)) w();
  });
  child.on('exit', () => {
    exited = true;
    for (const w of waiters.splice(0)) w();
  });
  return {
    child,
    send: (message) => child.send(message),
    next(type) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const failed = inbox.find((m) => m.type === 'failed');
          if (failed && failed.type === 'failed') return reject(new Error(`${label}: ${failed.message}`));
          const i = inbox.findIndex((m) => m.type === type);
          if (i >= 0) return resolve(inbox.splice(i, 1)[0]!);
          if (exited) return reject(new Error(`${label} exited before "${type}"`));
          waiters.push(check);
        };
        check();
      });
    },
  };
}

function addStats(a: ClientStats, b: ClientStats): ClientStats {
  return {
    pushes: a.pushes + b.pushes,
    conflicts: a.conflicts + b.conflicts,
    errors: a.errors + b.errors,
    failedAttempts: a.failedAttempts + b.failedAttempts,
    written: a.written + b.written,
  };
}

/**
 * Forks the client processes, lets them fill their local databases (not timed), then starts every
 * replication at once and polls the server until it holds `expected` documents.
 */
async function driveClients(options: {
  system: 'rxdb' | 'pouch';
  shape: PushShape;
  tills: readonly ClientTill[];
  workDir: string;
  countOnServer: () => Promise<number>;
}): Promise<PushResult> {
  const { system, shape, tills } = options;
  const perTill = docsPerTill(shape);
  const expected = perTill * tills.length;
  const groups: ClientTill[][] = [];
  for (let i = 0; i < tills.length; i += TILLS_PER_PROCESS) groups.push(tills.slice(i, i + TILLS_PER_PROCESS));
  const processes = groups.map((_, i) => forkClients(`${system} client process ${i + 1}`));
  try {
    const prepared = Date.now();
    groups.forEach((group, i) =>
      processes[i]!.send({
        type: 'setup',
        system,
        rxStorage: shape.rxStorage,
        run: shape.run,
        tills: group,
        docsPerTill: perTill,
        batchSize: shape.batchSize,
        workDir: path.join(options.workDir, `p${i}`),
      }),
    );
    await Promise.all(processes.map((p) => p.next('ready')));
    log(
      `  ${tills.length} ${system} tills hold ${expected.toLocaleString('en')} sales locally (${((Date.now() - prepared) / 1000).toFixed(1)} s, not timed)`,
    );
    const before = await options.countOnServer();
    if (before !== 0) throw new Error(`the server already holds ${before} documents`);

    const started = Date.now();
    for (const p of processes) p.send({ type: 'go' });
    const firstPushes = processes.map((p) => p.next('first-push').then((m) => (m.type === 'first-push' ? m.at : null)));
    const synced = Promise.all(processes.map((p) => p.next('synced')));
    let clientsDone = false;
    let failure: unknown = null;
    synced.then(
      () => (clientsDone = true),
      (error: unknown) => (failure = error),
    );
    let count = 0;
    let lastLog = started;
    let doneAt: number | null = null;
    let stalledSince: number | null = null;
    for (;;) {
      if (failure) throw failure;
      count = await options.countOnServer();
      const now = Date.now();
      if (count >= expected) {
        doneAt = now;
        break;
      }
      if (clientsDone) {
        stalledSince ??= now;
        if (now - stalledSince > 10_000) break;
      }
      if (now - lastLog > 10_000) {
        log(
          `    ${count.toLocaleString('en')} / ${expected.toLocaleString('en')} on the server after ${((now - started) / 1000).toFixed(0)} s`,
        );
        lastLog = now;
      }
      if (now - started > 30 * 60_000) throw new Error(`${system}: only ${count} of ${expected} documents after 30 minutes`);
      await sleep(POLL_MS);
    }
    const stats = (await synced).reduce<ClientStats>((acc, m) => (m.type === 'synced' ? addStats(acc, m.stats) : acc), {
      pushes: 0,
      conflicts: 0,
      errors: 0,
      failedAttempts: 0,
      written: 0,
    });
    const notes: string[] = [];
    if (doneAt === null) notes.push(`the clients finished but the server holds ${count} of ${expected} documents`);
    const end = doneAt ?? Date.now();
    const firsts = (await Promise.all(firstPushes.map((f) => Promise.race([f, sleep(1000).then(() => null)])))).filter(
      (t): t is number => t !== null,
    );
    const firstPush = firsts.length > 0 ? Math.min(...firsts) : started;
    const seconds = (end - firstPush) / 1000;
    return {
      docs: count,
      seconds,
      docsPerS: count / seconds,
      firstPushMs: firsts.length > 0 ? firstPush - started : null,
      fromStartSeconds: (end - started) / 1000,
      stats,
      notes,
    };
  } finally {
    for (const p of processes) {
      if (p.child.exitCode === null) {
        p.send({ type: 'close' });
        await Promise.race([p.next('closed').catch(() => undefined), sleep(15_000)]);
      }
    }
  }
}

/** Other stores' past sales in the hub's database, as a hub that has been running holds. */
export const HISTORY = { stores: 200, salesPerStore: 200 } as const;

/**
 * Makes the fresh database look like a running hub's: the history above, then ANALYZE, as
 * autovacuum does within a minute of a table filling. Without statistics, PostgreSQL takes a store
 * for a single row and plans the hub's "which of these ids exist?" read as a scan of the store's
 * rows per batch (see the report), a state a running hub leaves as soon as its tables are analyzed.
 */
export async function prefillHistory(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO stores (store_id, name) SELECT 'H' || lpad(g::text, 3, '0'), 'Store H' || g FROM generate_series(1, ${HISTORY.stores}) g ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted, till_id)
       SELECT 'H' || lpad((g % ${HISTORY.stores} + 1)::text, 3, '0'), 'sales', 'history-' || g, g / ${HISTORY.stores} + 1, jsonb_build_object('total', g % 9000), false, 'T01'
         FROM generate_series(0, ${HISTORY.stores * HISTORY.salesPerStore - 1}) g`,
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/**
 * The hub's sales of the given stores, counted as they arrive. Polled every 20 ms while the hub is
 * under test, so each poll reads only the rows after the last one it saw, through the (store,
 * collection, seq) index: a store's rows commit in sequence order (the counter row's lock), so
 * nothing can appear later below that point. A full count each time ("store_id LIKE 'B%'")
 * scanned the table, history included, and took a third of a core from the PostgreSQL under test.
 * `close` counts every row once more and says if the two differ.
 */
async function saleCounter(
  url: string,
  storeIds: readonly string[],
): Promise<{ count: () => Promise<number>; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const closeClient = onCleanup('a PostgreSQL connection', () => client.end());
  const seen = new Map(storeIds.map((id) => [id, { seq: 0, n: 0 }]));
  const sql = `SELECT s.store_id, count(d.seq)::int AS n, max(d.seq)::int8 AS seq
                 FROM unnest($1::text[], $2::int8[]) AS s(store_id, after)
                 JOIN store_docs d ON d.store_id = s.store_id AND d.collection = 'sales' AND d.seq > s.after
                GROUP BY s.store_id`;
  let total = 0;
  return {
    count: async () => {
      const ids = [...seen.keys()];
      const { rows } = await client.query<{ store_id: string; n: number; seq: string }>(sql, [ids, ids.map((id) => seen.get(id)!.seq)]);
      for (const row of rows) {
        const store = seen.get(row.store_id)!;
        store.seq = Number(row.seq);
        store.n += row.n;
        total += row.n;
      }
      return total;
    },
    close: async () => {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM store_docs WHERE store_id = ANY($1) AND collection = 'sales'`,
        [[...seen.keys()]],
      );
      await closeClient();
      if (rows[0]?.n !== total) throw new Error(`the hub holds ${rows[0]?.n} sales of the bench stores, the counter saw ${total} arrive`);
    },
  };
}

/** An enrolled till as the benchmark's clients need it: its device token, and the key it enrolled with (PKCS #8, base64). */
export type EnrolledTill = { readonly token: string; readonly key: string };

/** Stores with enrolled tills at the hub, `${storeId}/${tillId}` → token and key; a few stores at a time. */
export async function enroll(db: Database, layout: readonly TillIdentity[]): Promise<Map<string, EnrolledTill>> {
  const byStore = new Map<string, string[]>();
  for (const till of layout) byStore.set(till.storeId, [...(byStore.get(till.storeId) ?? []), till.tillId]);
  const tills = new Map<string, EnrolledTill>();
  const stores = [...byStore];
  // Enrollment is a handful of statements per till.
  for (let i = 0; i < stores.length; i += 10) {
    const devices = await Promise.all(stores.slice(i, i + 10).map(([storeId, tillIds]) => enrolledTills(db, storeId, tillIds)));
    for (const device of devices.flat()) {
      tills.set(`${device.storeId}/${device.tillId}`, { token: device.token, key: exportTillKey(device.chains.key) });
    }
  }
  return tills;
}

/** Keys for tills no hub enrolled (pouchdb-server, the bare SQL loop): their sales sealed alike. */
export function unenrolledKeys(layout: readonly TillIdentity[]): Map<string, EnrolledTill> {
  return new Map(layout.map((t) => [`${t.storeId}/${t.tillId}`, { token: '', key: exportTillKey(newTillKey()) }]));
}

/**
 * push_docs_per_s: RxDB clients → the hub (its own process) → PostgreSQL. `history: false` leaves
 * the database as created (never analyzed), the state of a brand-new hub's first minute.
 */
export async function rxdbPush(
  shape: PushShape,
  logDir: string,
  options: { history: boolean },
): Promise<PushResult & { readonly hubWarnings: readonly string[] }> {
  const url = await freshDatabase(options.history ? 'push' : 'pushcold');
  const hub = await startHub({ databaseUrl: url, logDir });
  if (options.history) await prefillHistory(url);
  const db = await openDatabase({ kind: 'postgres', url });
  const closeDb = onCleanup('hub database handle', () => db.close());
  try {
    const layout = tillLayout(shape.tills, shape.stores);
    const enrolled = await enroll(db, layout);
    const tills = layout.map((t) => ({ ...t, ...enrolled.get(`${t.storeId}/${t.tillId}`)!, target: hub.url }));
    const counter = await saleCounter(url, [...new Set(layout.map((t) => t.storeId))]);
    const workDir = await tempDir('rxdb');
    const result = await driveClients({ system: 'rxdb', shape, tills, workDir, countOnServer: counter.count });
    await counter.close();
    // The chain verifier, then the stock projector, follow the sales: how long after the last sale the ledger had them all.
    const lag = `verified and in the stock ledger ${(await secondsUntilProjected(db)).toFixed(2)} s after the server held every sale (the verifier waits for ${DEFAULT_VERIFY_SETTLE_MS} ms without pushes, at most ${DEFAULT_VERIFY_MAX_LAG_MS} ms; the projector follows each verification step)`;
    const [fed] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM chain_records WHERE store_id LIKE 'B%' AND collection = 'sales' AND feed_seq IS NOT NULL",
    );
    const unverified = result.docs - (fed?.n ?? 0);
    const notes = [...result.notes, lag, ...(unverified === 0 ? [] : [`${unverified} sales not verified (see chain_breaks)`])];
    return { ...result, notes, hubWarnings: await hubWarnings(hub.logFiles) };
  } finally {
    await closeDb();
    await hub.stop();
  }
}

/** pouchdb-server 4.2 with its LevelDB backend, in a directory of its own, logs to a file. */
async function startPouchServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = await tempDir('pouchdb-server');
  const port = await freePort();
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'pouchdb-server');
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--dir',
      path.join(dir, 'data'),
      '--config',
      path.join(dir, 'config.json'),
      '--no-stdout-logs',
    ],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await mkdir(path.join(dir, 'data'), { recursive: true });
  const stop = track(child, 'pouchdb-server');
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode}):\n${output.slice(-2000)}`);
    const ok = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer within 60 s:\n${output.slice(-2000)}`);
    await sleep(200);
  }
  return { url, stop };
}

/** pouchdb_push_docs_per_s: PouchDB (LevelDB) clients → pouchdb-server (LevelDB), one database per store. */
export async function pouchPush(shape: PushShape): Promise<PushResult> {
  const server = await startPouchServer();
  try {
    const layout = tillLayout(shape.tills, shape.stores);
    const dbName = (storeId: string) => `sales-${storeId.toLowerCase()}`;
    const names = [...new Set(layout.map((t) => dbName(t.storeId)))];
    for (const name of names) {
      const response = await fetch(`${server.url}/${name}`, { method: 'PUT' });
      if (!response.ok) throw new Error(`pouchdb-server refused to create ${name}: ${response.status} ${await response.text()}`);
    }
    const keys = unenrolledKeys(layout);
    const tills = layout.map((t) => ({ ...t, ...keys.get(`${t.storeId}/${t.tillId}`)!, target: `${server.url}/${dbName(t.storeId)}` }));
    const countOnServer = async () => {
      let n = 0;
      for (const name of names) n += ((await (await fetch(`${server.url}/${name}`)).json()) as { doc_count: number }).doc_count;
      return n;
    };
    const workDir = await tempDir('pouch');
    return await driveClients({ system: 'pouch', shape, tills, workDir, countOnServer });
  } finally {
    await server.stop();
  }
}
