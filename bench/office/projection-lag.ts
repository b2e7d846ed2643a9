/**
 * projection_lag_ms: a pushed sale → counted by the dashboard, under bench:sync's many-tills load
 * (bench/support/till-load.ts: the hub as production runs it, its own process, on a fresh
 * database; by default 500 tills in 100 stores, 1–5 sales a push, think 0–2 s).
 *
 * One accepted push in `sampleEvery` (answered after the warm-up, before the load's end) gives a
 * sample: its last sale. From the moment its push's answer arrived, a connection of the bench's
 * own polls the hub's database every `pollMs` for the pending samples' fact rows (report_sales,
 * keyed by store and sale): the reporting projector writes a sale's fact row in the same
 * transaction as the daily roll-ups the dashboard reads (sync-server/src/reporting/
 * reporting-projector.ts), so the row committed is the sale counted by dashboardTotals. The lag is
 * taken when the answer of the first poll that saw it arrived: never less than the truth, at most
 * one poll (interval and query) more. The same polls note when the chain verifier had read the
 * sale (its checkpoint past the sale's store sequence): the projector follows the verified feed,
 * so that part of the lag is the verifier's. After the load, once every sale is verified and projected,
 * the dashboard's own query (dashboardTotals over the bench's stores and their business dates)
 * must count every sale the hub accepted.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { dashboardTotals } from '../../sync-server/src/reporting/dashboard-queries';
import { driveTills, startLoadHub, type TillLoadResult, type TillLoadShape } from '../support/till-load';
import { hubWarnings, log, onCleanup, secondsUntilProjected } from '../sync/rig';

export type LagShape = TillLoadShape & {
  /** One accepted push in this many is sampled. */
  readonly sampleEvery: number;
  /** Interval between two polls of the pending samples. */
  readonly pollMs: number;
  /** Pushes answered in the first seconds (the tills' staggered start) are not sampled. */
  readonly warmupSeconds: number;
};

export type LagResult = {
  readonly lagsMs: number[];
  /** The same samples, from the push's answer until the chain verifier had read them (the reporting projector follows). */
  readonly verifiedMs: number[];
  /** Samples never seen on the dashboard within the wait after the load. */
  readonly unseen: number;
  readonly load: TillLoadResult;
  readonly enrollSeconds: number;
  /** From the last push's answer until every sale was verified and projected into the reports. */
  readonly catchUpSeconds: number;
  /** Tickets the dashboard counts over the bench's stores, against the sales the hub accepted. */
  readonly dashboardTickets: number;
  readonly polls: number;
  readonly hubWarnings: readonly string[];
};

/** The bench's sales complete on 2026-11-22 (bench/sync/sale-docs.ts); a day either side covers any store's time zone. */
const BUSINESS_DATES = { from: '2026-11-21', to: '2026-11-23' } as const;
/** How long after the load samples may still appear before they count as unseen. */
const WAIT_AFTER_LOAD_MS = 120_000;

type Pending = { readonly storeId: string; readonly answeredAt: number; verifiedAt?: number };

/** What the polls saw of a sample: after its push's answer, verified (the chain verifier has read it), then counted. */
type Seen = { readonly verifiedMs: number; readonly countedMs: number };

/** The samples, polled on a connection of the bench's own until `stop` and none is pending. */
async function watchSamples(url: string, pending: Map<string, Pending>, pollMs: number, onSeen: (seen: Seen) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const closeClient = onCleanup('a PostgreSQL connection', () => client.end());
  let stopping = false;
  let polls = 0;
  // One snapshot: the verifier's checkpoint past the sale's store sequence, and its fact row.
  const sql = `SELECT p.sale_id, coalesce(v.seq >= d.seq, false) AS verified, f.sale_id IS NOT NULL AS counted
                 FROM unnest($1::text[], $2::text[]) AS p(store_id, sale_id)
                 JOIN store_docs d ON d.store_id = p.store_id AND d.collection = 'sales' AND d.id = p.sale_id
                 LEFT JOIN chain_verification v ON v.store_id = p.store_id
                 LEFT JOIN report_sales f ON f.store_id = p.store_id AND f.sale_id = p.sale_id`;
  const loop = (async () => {
    for (;;) {
      const ids = [...pending.keys()];
      if (ids.length === 0 && stopping) return;
      if (ids.length > 0) {
        const { rows } = await client.query<{ sale_id: string; verified: boolean; counted: boolean }>(sql, [
          ids.map((id) => pending.get(id)!.storeId),
          ids,
        ]);
        const seenAt = performance.now();
        polls += 1;
        for (const row of rows) {
          const sample = pending.get(row.sale_id)!;
          if (row.verified || row.counted) sample.verifiedAt ??= seenAt;
          if (!row.counted) continue;
          onSeen({ verifiedMs: sample.verifiedAt! - sample.answeredAt, countedMs: seenAt - sample.answeredAt });
          pending.delete(row.sale_id);
        }
      }
      await sleep(pollMs);
    }
  })();
  // A failed poll is reported by `stop`.
  loop.catch(() => undefined);
  return {
    /** Waits until none is pending or the time is up; the samples left are returned unseen. */
    async stop(waitMs: number): Promise<{ unseen: number; polls: number }> {
      stopping = true;
      await Promise.race([loop, sleep(waitMs, undefined, { ref: false })]);
      const unseen = pending.size;
      pending.clear();
      await loop;
      await closeClient();
      return { unseen, polls };
    },
  };
}

export async function projectionLag(shape: LagShape, logDir: string): Promise<LagResult> {
  const load = await startLoadHub('lag', shape, logDir);
  try {
    const stores = [...new Set(load.layout.map((t) => t.storeId))];
    log(
      `  hub started (${(load.hub.startedMs / 1000).toFixed(1)} s), ${load.layout.length} tills enrolled in ${stores.length} stores (${load.enrollSeconds.toFixed(1)} s); pushing for ${shape.seconds} s, ` +
        `sampling 1 push in ${shape.sampleEvery} after ${shape.warmupSeconds} s, polling every ${shape.pollMs} ms…`,
    );
    const lagsMs: number[] = [];
    const verifiedMs: number[] = [];
    const pending = new Map<string, Pending>();
    const watcher = await watchSamples(load.url, pending, shape.pollMs, (seen) => {
      lagsMs.push(seen.countedMs);
      verifiedMs.push(seen.verifiedMs);
    });
    const warmupEnd = performance.now() + shape.warmupSeconds * 1000;
    let accepted = 0;
    let lastAnswer = 0;
    const result = await driveTills(load, shape, (push) => {
      lastAnswer = Math.max(lastAnswer, push.answeredAt);
      if (!push.inWindow || push.saleIds.length === 0 || push.answeredAt < warmupEnd) return;
      accepted += 1;
      if (accepted % shape.sampleEvery === 0)
        pending.set(push.saleIds.at(-1)!, { storeId: push.till.storeId, answeredAt: push.answeredAt });
    });
    await secondsUntilProjected(load.db, 'reporting_projection');
    const catchUpSeconds = (performance.now() - lastAnswer) / 1000;
    const { unseen, polls } = await watcher.stop(WAIT_AFTER_LOAD_MS);
    const totals = await dashboardTotals(load.db, { stores, ...BUSINESS_DATES });
    return {
      lagsMs,
      verifiedMs,
      unseen,
      load: result,
      enrollSeconds: load.enrollSeconds,
      catchUpSeconds,
      dashboardTickets: totals.tickets,
      polls,
      hubWarnings: await hubWarnings(load.hub.logFiles),
    };
  } finally {
    await load.stop();
  }
}
