/**
 * projector_throughput: how fast the projectors work through a backlog, alone on the machine. The
 * hub serves --without-projectors while bench:sync's tills push for a while; once they stop, the
 * `projectors` command starts (its own process) and the bench times it until every sale is
 * verified, then until each projection has it. The CPU the projectors' process and PostgreSQL
 * spent on it (from /proc) is reported per sale: what bounds the lag under load on a small machine
 * (projection_lag_ms grows without end once the tills push faster than this).
 *
 * projectorsUnderLoad: the same CPU a sale while the tills push, the projectors running (the
 * steps are then small and many, as under projection_lag_ms's load: what a step costs besides
 * its records shows here, not in a backlog's big steps).
 */
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { storesWithUnreadRecords } from '../../sync-server/src/fiscal/chain-verifier';
import { storesBehind, type FeedCheckpoint } from '../../sync-server/src/fiscal/feed-projector';
import { driveTills, startLoadHub, type LoadHub, type TillLoadShape } from '../support/till-load';
import { hubWarnings, startProjectorsProcess } from '../sync/rig';

export type ThroughputResult = {
  readonly sales: number;
  /** Seconds from the projectors' start until every record was verified, then until each projection had it. */
  readonly verifiedSeconds: number;
  readonly projectedSeconds: Readonly<Record<FeedCheckpoint, number>>;
  /** CPU milliseconds a sale: the projectors' process (its signature threads included) and every PostgreSQL process. */
  readonly projectorCpuMsPerSale: number;
  readonly postgresCpuMsPerSale: number;
  readonly hubWarnings: readonly string[];
};

const CHECKPOINTS: readonly FeedCheckpoint[] = ['stock_projection', 'closing_projection', 'reporting_projection'];
const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in clock ticks (proc(5)); 0 once it is gone. */
async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/** The CPU of every process named postgres (the server and its backends), in clock ticks. */
async function postgresTicks(): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') total += await cpuTicks(Number(entry));
  }
  return total;
}

export type UnderLoadResult = {
  readonly sales: number;
  /** Seconds from the last push's answer until every projection had every sale. */
  readonly catchUpSeconds: number;
  /** CPU milliseconds a sale from the first push until caught up: the projectors' process; every PostgreSQL process (the pushes' work included). */
  readonly projectorCpuMsPerSale: number;
  readonly postgresCpuMsPerSale: number;
  readonly hubWarnings: readonly string[];
};

const perSale = (ticks: number, sales: number) => (ticks / TICKS_PER_SECOND / Math.max(1, sales)) * 1000;

/** Until every store is verified and each projection has every verified record. */
async function untilProjected(db: LoadHub['db']): Promise<void> {
  while ((await storesWithUnreadRecords(db)).length > 0) await sleep(10);
  for (const checkpoint of CHECKPOINTS) while ((await storesBehind(db, checkpoint)).length > 0) await sleep(10);
}

export async function projectorsUnderLoad(shape: TillLoadShape, logDir: string): Promise<UnderLoadResult> {
  const load = await startLoadHub('live', { ...shape, projectors: 'later' }, logDir);
  try {
    const projectors = await startProjectorsProcess({ databaseUrl: load.url, logDir });
    try {
      const ticksBefore = await cpuTicks(projectors.pid);
      const pgBefore = await postgresTicks();
      let lastAnswer = 0;
      const pushed = await driveTills(load, shape, (push) => (lastAnswer = Math.max(lastAnswer, push.answeredAt)));
      await untilProjected(load.db);
      const catchUpSeconds = (performance.now() - lastAnswer) / 1000;
      return {
        sales: pushed.allDocs,
        catchUpSeconds,
        projectorCpuMsPerSale: perSale((await cpuTicks(projectors.pid)) - ticksBefore, pushed.allDocs),
        postgresCpuMsPerSale: perSale((await postgresTicks()) - pgBefore, pushed.allDocs),
        hubWarnings: await hubWarnings([...load.hub.logFiles, projectors.logFile]),
      };
    } finally {
      await projectors.stop();
    }
  } finally {
    await load.stop();
  }
}

export async function projectorThroughput(shape: TillLoadShape, logDir: string): Promise<ThroughputResult> {
  const load = await startLoadHub('throughput', { ...shape, projectors: 'later' }, logDir);
  try {
    const pushed = await driveTills(load, shape);
    const pgBefore = await postgresTicks();
    const started = performance.now();
    const projectors = await startProjectorsProcess({ databaseUrl: load.url, logDir });
    try {
      const since = () => (performance.now() - started) / 1000;
      while ((await storesWithUnreadRecords(load.db)).length > 0) await sleep(10);
      const verifiedSeconds = since();
      const projectedSeconds = {} as Record<FeedCheckpoint, number>;
      const left = new Set(CHECKPOINTS);
      while (left.size > 0) {
        for (const checkpoint of left) {
          if ((await storesBehind(load.db, checkpoint)).length > 0) continue;
          projectedSeconds[checkpoint] = since();
          left.delete(checkpoint);
        }
        await sleep(10);
      }
      const projectorTicks = await cpuTicks(projectors.pid);
      const pgTicks = (await postgresTicks()) - pgBefore;
      return {
        sales: pushed.allDocs,
        verifiedSeconds,
        projectedSeconds,
        projectorCpuMsPerSale: perSale(projectorTicks, pushed.allDocs),
        postgresCpuMsPerSale: perSale(pgTicks, pushed.allDocs),
        hubWarnings: await hubWarnings([...load.hub.logFiles, projectors.logFile]),
      };
    } finally {
      await projectors.stop();
    }
  } finally {
    await load.stop();
  }
}
