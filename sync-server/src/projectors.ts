import type { Database } from './db/database';
import { ChainVerifier, DEFAULT_VERIFY_CONCURRENCY, type ChainVerifierOptions } from './fiscal/chain-verifier';
import { DEFAULT_STOCK_CONCURRENCY, StockProjector } from './stock/stock-projector';
import { ClosingProjector } from './closings/closing-projector';
import { DEFAULT_REPORTING_CONCURRENCY, ReportingProjector } from './reporting/reporting-projector';
import { SignupProjector } from './signup/signup-projector';
import { DEFAULT_LOYALTY_CONCURRENCY, LoyaltyProjector } from './loyalty/loyalty-projector';

/** What each projector reports when a step fails (it retries that store later; the others go on). */
export type ProjectorErrorLog = (error: unknown, storeId: string, failed: string) => void;

export type ProjectorOptions = {
  /** The chain verifier's grace period, quiet time, clock… (defaults in fiscal/chain-verifier.ts, fiscal/verify-store.ts). */
  readonly verification?: Omit<ChainVerifierOptions, 'onError'>;
  /**
   * Stores a step of the stock, closing and reporting projections may take together (default 1:
   * a step a store, as measured best so far, README). 1 also keeps every step on one Citus worker.
   */
  readonly storesPerStep?: number;
  readonly onError: ProjectorErrorLog;
};

/**
 * The work that follows the tills' pushes, off the push path: the chain verifier, then the stock,
 * closing and reporting projections of what it verified. They wake on the database's notices and
 * keep their place in checkpoint rows, so they run in the hub's process or in a process of their
 * own (the `projectors` command), once or several times over: a store's step is serialised by its
 * checkpoint row, whoever takes it.
 */
export type Projectors = {
  /** Verifies every chain pushed and feeds the verified records to the projections. */
  readonly verifier: ChainVerifier;
  /** Follows the verified sales into the stock ledger. */
  readonly stock: StockProjector;
  /** Recomputes each Z and daily closing from the verified records (src/closings). */
  readonly closings: ClosingProjector;
  /** Keeps the reports' facts and daily roll-ups (src/reporting) up with the verified sales. */
  readonly reports: ReportingProjector;
  /** Decides the receipt sign-ups' claims as their sales are verified (src/signup). */
  readonly signups: SignupProjector;
  /** Credits the verified sales' earns and reverses their returns' points in the loyalty ledger (src/loyalty). */
  readonly loyalty: LoyaltyProjector;
  /** Waits until every store's pushed records are verified and its verified sales projected. */
  catchUp(): Promise<void>;
  /** The steps under way finish; records not yet verified or projected are for the next start. */
  close(): Promise<void>;
};

/** Starts the projectors on connections of their own, so their steps never queue behind the tills' pushes (database.ts, ownPool). */
export async function startProjectors(db: Database, options: ProjectorOptions): Promise<Projectors> {
  // A connection a lane of each projector: two a verifier lane (its step, and the next batch read
  // ahead meanwhile), one a lane of the others.
  const verifierLanes = options.verification?.concurrency ?? DEFAULT_VERIFY_CONCURRENCY;
  const pool = db.ownPool(
    verifierLanes * 2 + DEFAULT_STOCK_CONCURRENCY + 1 + DEFAULT_REPORTING_CONCURRENCY + 1 + DEFAULT_LOYALTY_CONCURRENCY,
  );
  const verifier = new ChainVerifier(pool, {
    ...options.verification,
    onError: (error, storeId) => options.onError(error, storeId, 'chain verification'),
  });
  const group = options.storesPerStep === undefined ? {} : { group: options.storesPerStep };
  const stock = new StockProjector(pool, { ...group, onError: (error, storeId) => options.onError(error, storeId, 'stock projection') });
  const closings = new ClosingProjector(pool, {
    ...group,
    onError: (error, storeId) => options.onError(error, storeId, 'closing recomputation'),
  });
  const reports = new ReportingProjector(pool, {
    ...group,
    onError: (error, storeId) => options.onError(error, storeId, 'reporting projection'),
  });
  const signups = new SignupProjector(pool, { onError: (error, storeId) => options.onError(error, storeId, 'sign-up claims') });
  const loyalty = new LoyaltyProjector(pool, { onError: (error, storeId) => options.onError(error, storeId, 'loyalty projection') });

  const close = async () => {
    await verifier.close();
    await stock.close();
    await closings.close();
    await reports.close();
    await signups.close();
    await loyalty.close();
    await pool.close();
  };
  try {
    await verifier.start();
    await stock.start();
    await closings.start();
    await reports.start();
    await signups.start();
    await loyalty.start();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    verifier,
    stock,
    closings,
    reports,
    signups,
    loyalty,
    async catchUp() {
      await verifier.catchUp();
      await stock.catchUp();
      await closings.catchUp();
      await reports.catchUp();
      await signups.catchUp();
      await loyalty.catchUp();
    },
    close,
  };
}
