/**
 * push_latency_ms: many simulated tills at once. Each is a plain HTTP client with its own device
 * token and its own kept-alive connection, pushing 1–5 sales (copies of core-built sales with
 * fresh ids), then pausing a random think time (uniform in 0…2× the mean) before the next push.
 * A closed loop: a slow hub slows the offered load down instead of queueing without end.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { mulberry32 } from '@pos/core/demo/prng';
import type { PushResponse } from '@pos/core';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { syncHeaders } from '../../sync-server/src/test-support/test-hub';
import { postJson as post } from './http-post';
import { enroll, prefillHistory, tillLayout } from './push-phase';
import { freshDatabase, hubWarnings, log, onCleanup, secondsUntilStockProjected, startHub } from './rig';
import { benchChains, benchSale, cloneSale, type TillIdentity } from './sale-docs';

export type LatencyShape = {
  readonly run: string;
  readonly tills: number;
  readonly stores: number;
  readonly seconds: number;
  readonly thinkMs: number;
};

export type LatencyResult = {
  readonly latenciesMs: number[];
  readonly seconds: number;
  /** Pushes answered, and sales they carried, within the timed window. */
  readonly pushes: number;
  readonly docs: number;
  /** Sales accepted in all, pushes finishing after the window included (must equal the database's count). */
  readonly allDocs: number;
  readonly docsInDatabase: number;
  /** How long after the last push answered the stock ledger held every sale (the hub's stock projector). */
  readonly stockLagSeconds: number;
  /** Answers other than 200, by status; 0 = no answer (connection error). */
  readonly failures: ReadonlyMap<number, number>;
  readonly documentErrors: number;
  readonly conflicts: number;
  /** The offered load if every push answered at once: tills / mean cycle. */
  readonly offeredPushesPerS: number;
  readonly hubWarnings: readonly string[];
  readonly enrollSeconds: number;
};

const TEMPLATES = 200;

export async function pushLatency(shape: LatencyShape, logDir: string): Promise<LatencyResult> {
  const url = await freshDatabase('latency');
  const hub = await startHub({ databaseUrl: url, logDir });
  await prefillHistory(url);
  const db = await openDatabase({ kind: 'postgres', url });
  const closeDb = onCleanup('hub database handle', () => db.close());
  try {
    const layout = tillLayout(shape.tills, shape.stores);
    const enrollStarted = Date.now();
    const enrolled = await enroll(db, layout);
    const enrollSeconds = (Date.now() - enrollStarted) / 1000;
    const templates = Array.from({ length: TEMPLATES }, (_, i) => benchSale(`${shape.run}-tpl`, { storeId: 'B001', tillId: 'T01' }, i + 1));
    const pushUrl = new URL('/sync/v1/sales/push', hub.url);
    log(
      `  ${layout.length} tills enrolled in ${new Set(layout.map((t) => t.storeId)).size} stores (${enrollSeconds.toFixed(1)} s); pushing for ${shape.seconds} s…`,
    );

    const latenciesMs: number[] = [];
    const failures = new Map<number, number>();
    let pushes = 0;
    let docs = 0;
    let documentErrors = 0;
    let conflicts = 0;
    /** Pushes answered within the timed window (throughput). */
    const inWindow = { pushes: 0, docs: 0 };
    const agents: http.Agent[] = [];
    const started = Date.now();
    const deadline = started + shape.seconds * 1000;
    const progress = setInterval(() => {
      const s = (Date.now() - started) / 1000;
      log(
        `    ${s.toFixed(0)} s: ${pushes} pushes (${(pushes / s).toFixed(0)}/s), ${docs} sales (${(docs / s).toFixed(0)}/s), ${[...failures.values()].reduce((a, b) => a + b, 0)} failed`,
      );
    }, 10_000);
    const tillLoop = async (till: TillIdentity, index: number) => {
      const random = mulberry32(0x5a1e ^ (index * 2654435761));
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      const { token, key } = enrolled.get(`${till.storeId}/${till.tillId}`)!;
      const headers = syncHeaders(token, 'sales');
      // Each push carries the next sales of the till's chain, sealed with its key as the till seals them.
      const chains = benchChains(till, key);
      let sold = 0;
      // Tills do not all start in the same millisecond.
      await sleep(Math.floor(random() * 2 * shape.thinkMs));
      // A refused push is sent again as it was, as RxDB would (its documents are still unsynced).
      let pending: { body: string; count: number } | null = null;
      while (Date.now() < deadline) {
        if (!pending) {
          const count = 1 + Math.floor(random() * 5);
          const rows = Array.from({ length: count }, () => {
            sold += 1;
            const template = templates[Math.floor(random() * templates.length)]!;
            const sale = cloneSale(template, chains, `${shape.run}-L-${till.storeId}-${till.tillId}-${String(sold).padStart(6, '0')}`);
            return { newDocumentState: { ...sale, _deleted: false } };
          });
          pending = { body: JSON.stringify({ rows }), count };
        }
        const t0 = performance.now();
        try {
          const answer = await post(agent, pushUrl, headers, pending.body);
          const ms = performance.now() - t0;
          if (answer.status === 200) {
            latenciesMs.push(ms);
            pushes += 1;
            const response = JSON.parse(answer.body) as PushResponse;
            documentErrors += response.errors.length;
            conflicts += response.conflicts.length;
            const accepted = pending.count - response.errors.length - response.conflicts.length;
            docs += accepted;
            if (Date.now() <= deadline) {
              inWindow.pushes += 1;
              inWindow.docs += accepted;
            }
            pending = null;
          } else {
            failures.set(answer.status, (failures.get(answer.status) ?? 0) + 1);
          }
        } catch {
          failures.set(0, (failures.get(0) ?? 0) + 1);
        }
        await sleep(Math.floor(random() * 2 * shape.thinkMs));
      }
    };
    await Promise.all(layout.map((till, i) => tillLoop(till, i)));
    clearInterval(progress);
    const seconds = shape.seconds;
    for (const agent of agents) agent.destroy();
    const stockLagSeconds = await secondsUntilStockProjected(db);
    const [row] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM store_docs WHERE collection = 'sales' AND store_id LIKE 'B%'",
    );
    const meanLatency = latenciesMs.reduce((a, b) => a + b, 0) / Math.max(1, latenciesMs.length);
    return {
      latenciesMs,
      seconds,
      pushes: inWindow.pushes,
      docs: inWindow.docs,
      allDocs: docs,
      docsInDatabase: row?.n ?? 0,
      stockLagSeconds,
      failures,
      documentErrors,
      conflicts,
      offeredPushesPerS: layout.length / ((shape.thinkMs + meanLatency) / 1000),
      hubWarnings: await hubWarnings(hub.logFile),
      enrollSeconds,
    };
  } finally {
    await closeDb();
    await hub.stop();
  }
}
