/**
 * Many simulated tills pushing at once to a hub as production runs it: bench:sync's
 * push_latency_ms and bench:office's projection_lag_ms measure under the same load. Each till is
 * a plain HTTP client with its own device token and its own kept-alive connection, pushing 1–5
 * sales (copies of core-built sales with fresh ids, sealed on its chain with its enrolled key),
 * then pausing a random think time (uniform in 0…2× the mean) before the next push; the sales are
 * sealed before the timed window (presealedSales). A closed loop:
 * a slow hub slows the offered load down instead of queueing without end.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PushResponse, SalePayload } from '@pos/core';
import { mulberry32 } from '@pos/core/demo/prng';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { syncHeaders } from '../../sync-server/src/test-support/test-hub';
import { postJson } from '../sync/http-post';
import { enroll, prefillHistory, tillLayout, type EnrolledTill } from '../sync/push-phase';
import { freshDatabase, log, onCleanup, startHub, type HubProcess, type ProjectorsLayout } from '../sync/rig';
import { benchChains, benchSale, cloneSale, type TillIdentity } from '../sync/sale-docs';

export type TillLoadShape = {
  readonly run: string;
  readonly tills: number;
  readonly stores: number;
  readonly seconds: number;
  /** Mean pause of a till between two pushes. */
  readonly thinkMs: number;
  /** Where the hub runs its projectors (default in the hub's process). */
  readonly projectors?: ProjectorsLayout;
};

/** The hub under load: its process, a handle on its database, its enrolled tills. */
export type LoadHub = {
  readonly hub: HubProcess;
  /** The hub's database, and a handle on it. */
  readonly url: string;
  readonly db: Database;
  readonly layout: readonly TillIdentity[];
  readonly enrolled: ReadonlyMap<string, EnrolledTill>;
  readonly enrollSeconds: number;
  stop(): Promise<void>;
};

/**
 * A hub (its own process) on a fresh database `pos_bench_…_<what>` holding a running hub's history
 * (prefillHistory), with the shape's tills enrolled. Everything is undone at clean-up, or by `stop`.
 */
export async function startLoadHub(what: string, shape: TillLoadShape, logDir: string): Promise<LoadHub> {
  const url = await freshDatabase(what);
  const hub = await startHub({ databaseUrl: url, logDir, ...(shape.projectors ? { projectors: shape.projectors } : {}) });
  await prefillHistory(url);
  const db = await openDatabase({ kind: 'postgres', url });
  const closeDb = onCleanup('hub database handle', () => db.close());
  const stop = async () => {
    await closeDb();
    await hub.stop();
  };
  try {
    const layout = tillLayout(shape.tills, shape.stores);
    const started = Date.now();
    const enrolled = await enroll(db, layout);
    return { hub, url, db, layout, enrolled, enrollSeconds: (Date.now() - started) / 1000, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One push the hub answered 200: the till, the sales it took (not refused, not in conflict), when the answer came. */
export type AcceptedPush = {
  readonly till: TillIdentity;
  readonly saleIds: readonly string[];
  /** performance.now() when the answer had arrived. */
  readonly answeredAt: number;
  /** Answered before the load's end. */
  readonly inWindow: boolean;
};

export type TillLoadResult = {
  /** Every push answered 200, from request to answer. */
  readonly latenciesMs: number[];
  /** Pushes answered, and sales they carried, within the timed window. */
  readonly pushes: number;
  readonly docs: number;
  /** Sales accepted in all, pushes finishing after the window included. */
  readonly allDocs: number;
  /** Answers other than 200, by status; 0 = no answer (connection error). */
  readonly failures: ReadonlyMap<number, number>;
  readonly documentErrors: number;
  readonly conflicts: number;
  /** The offered load if every push answered at once: tills / mean cycle. */
  readonly offeredPushesPerS: number;
};

const TEMPLATES = 200;
/** Sales sealed ahead for one till at most (a till that sells more seals the rest as it goes). */
const MAX_PRESEALED = 250;

/**
 * A till's next sales, sealed before the timed window: sealing (a hash and an Ed25519 signature) is
 * the simulated tills' main cost, and on one small machine it would take the CPU the hub is measured
 * on. The tills' work is the hub's input, not what the bench measures. Enough for the shape's
 * pushes on average (mean 3 sales a push, one push every think time), and 30 % more.
 */
function presealedSales(shape: TillLoadShape, templates: readonly SalePayload[], till: TillIdentity, key: string, index: number) {
  const chains = benchChains(till, key);
  const random = mulberry32(0x7e3a ^ (index * 2654435761));
  let sold = 0;
  const seal = () => {
    sold += 1;
    const template = templates[Math.floor(random() * templates.length)]!;
    return cloneSale(template, chains, `${shape.run}-L-${till.storeId}-${till.tillId}-${String(sold).padStart(6, '0')}`);
  };
  const expected = Math.ceil(((shape.seconds * 1000) / Math.max(shape.thinkMs, 1)) * 3 * 1.3);
  const ahead = Array.from({ length: Math.min(MAX_PRESEALED, expected) }, seal);
  let next = 0;
  return () => (next < ahead.length ? ahead[next++]! : seal());
}

/** Drives the enrolled tills of `load` against its hub for the shape's seconds; `onAccepted` hears each push the hub took. */
export async function driveTills(load: LoadHub, shape: TillLoadShape, onAccepted?: (push: AcceptedPush) => void): Promise<TillLoadResult> {
  const templates = Array.from({ length: TEMPLATES }, (_, i) => benchSale(`${shape.run}-tpl`, { storeId: 'B001', tillId: 'T01' }, i + 1));
  const sealing = performance.now();
  const nextSales = load.layout.map((till, i) =>
    presealedSales(shape, templates, till, load.enrolled.get(`${till.storeId}/${till.tillId}`)!.key, i),
  );
  log(`    ${load.layout.length} tills' sales sealed ahead in ${((performance.now() - sealing) / 1000).toFixed(1)} s (not timed)`);
  const pushUrl = new URL('/sync/v1/sales/push', load.hub.url);
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
    const { token } = load.enrolled.get(`${till.storeId}/${till.tillId}`)!;
    const headers = syncHeaders(token, 'sales');
    // Each push carries the next sales of the till's chain, sealed with its key as the till seals them.
    const nextSale = nextSales[index]!;
    // Tills do not all start in the same millisecond.
    await sleep(Math.floor(random() * 2 * shape.thinkMs));
    // A refused push is sent again as it was, as RxDB would (its documents are still unsynced).
    let pending: { body: string; ids: readonly string[] } | null = null;
    while (Date.now() < deadline) {
      if (!pending) {
        const count = 1 + Math.floor(random() * 5);
        const rows = Array.from({ length: count }, () => ({ newDocumentState: { ...nextSale(), _deleted: false } }));
        pending = { body: JSON.stringify({ rows }), ids: rows.map((r) => r.newDocumentState.id) };
      }
      const t0 = performance.now();
      try {
        const answer = await postJson(agent, pushUrl, headers, pending.body);
        const answeredAt = performance.now();
        if (answer.status === 200) {
          latenciesMs.push(answeredAt - t0);
          pushes += 1;
          const response = JSON.parse(answer.body) as PushResponse;
          documentErrors += response.errors.length;
          conflicts += response.conflicts.length;
          const refused = new Set([...response.errors.map((e) => e.id), ...response.conflicts.map((c) => c.id)]);
          const saleIds = pending.ids.filter((id) => !refused.has(id));
          docs += saleIds.length;
          const timed = Date.now() <= deadline;
          if (timed) {
            inWindow.pushes += 1;
            inWindow.docs += saleIds.length;
          }
          onAccepted?.({ till, saleIds, answeredAt, inWindow: timed });
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
  await Promise.all(load.layout.map((till, i) => tillLoop(till, i)));
  clearInterval(progress);
  for (const agent of agents) agent.destroy();
  const meanLatency = latenciesMs.reduce((a, b) => a + b, 0) / Math.max(1, latenciesMs.length);
  return {
    latenciesMs,
    pushes: inWindow.pushes,
    docs: inWindow.docs,
    allDocs: docs,
    failures,
    documentErrors,
    conflicts,
    offeredPushesPerS: load.layout.length / ((shape.thinkMs + meanLatency) / 1000),
  };
}
