/**
 * push_latency_ms: many simulated tills at once (bench/support/till-load.ts: each pushes 1–5
 * sales, then pauses a random think time; a closed loop), the time from each push's request to
 * the hub's answer.
 */
import { driveTills, startLoadHub, type TillLoadShape } from '../support/till-load';
import { hubWarnings, log, secondsUntilProjected } from './rig';

export type LatencyShape = TillLoadShape;

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

export async function pushLatency(shape: LatencyShape, logDir: string): Promise<LatencyResult> {
  const load = await startLoadHub('latency', shape, logDir);
  try {
    log(
      `  ${load.layout.length} tills enrolled in ${new Set(load.layout.map((t) => t.storeId)).size} stores (${load.enrollSeconds.toFixed(1)} s); pushing for ${shape.seconds} s…`,
    );
    const r = await driveTills(load, shape);
    const stockLagSeconds = await secondsUntilProjected(load.db);
    const [row] = await load.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM store_docs WHERE collection = 'sales' AND store_id LIKE 'B%'",
    );
    return {
      ...r,
      seconds: shape.seconds,
      docsInDatabase: row?.n ?? 0,
      stockLagSeconds,
      hubWarnings: await hubWarnings(load.hub.logFiles),
      enrollSeconds: load.enrollSeconds,
    };
  } finally {
    await load.stop();
  }
}
