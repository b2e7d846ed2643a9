import { isSaleV1, LedgerRefusal, type SalePayload, type SalePayloadV1 } from '@pos/core';
import { sha256Hex } from '../auth/secrets';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { FeedProjector, stepFeedProjection, type FeedProjection, type FeedStep } from '../fiscal/feed-projector';
import { reversePointsIn } from '../ledgers/loyalty-reverse';
import type { ProjectorLoopOptions } from '../sync/projector-loop';
import { applySealedEarn } from './sale-earn';

/** Sales read per step (only those with an earn or a return's original). */
export const LOYALTY_BATCH = 500;
/** Stores projected at once by default. */
export const DEFAULT_LOYALTY_CONCURRENCY = 2;

type FeedSale = {
  readonly feed_seq: number;
  readonly id: string;
  readonly seq: number;
  readonly till_id: string;
  readonly payload: unknown;
};

/** Characters of an error or of the problems kept with an incident. */
const MAX_MESSAGE = 500;

async function reportIncident(tx: Queryable, storeId: string, sale: FeedSale, kind: string, message: string): Promise<void> {
  await tx.query(
    `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     VALUES ($1, $2, $3, 'sales', $4, $5, jsonb_build_object('seq', $6::int8, 'message', $7::text))
     ON CONFLICT (store_id, incident_id) DO NOTHING`,
    [storeId, sha256Hex(`${kind}\nsales\n${sale.id}\n${sale.seq}`), kind, sale.id, sale.till_id, sale.seq, message.slice(0, MAX_MESSAGE)],
  );
}

/** A return takes back, pro rata, the points its original earned (in any store): once, by `reverse:<returnId>`. */
async function reverseReturn(tx: Queryable, sale: SalePayloadV1): Promise<number> {
  const of = sale.returnOf;
  if (!of) return 0;
  const [earned] = await tx.query<{ customer_id: string; program_id: string }>(
    'SELECT customer_id, program_id FROM loyalty_sale_earns WHERE sale_id = $1',
    [of.saleId],
  );
  if (!earned) return 0;
  const request = { customerId: earned.customer_id, programId: earned.program_id, saleId: of.saleId, returnId: sale.saleId };
  await reversePointsIn(tx, { ...request, refunded: sale.total });
  return 1;
}

/** What one verified sale does to the ledger; a refusal of the ledger or of the checks is reported and the sale earns nothing. */
async function projectSale(tx: Queryable, storeId: string, record: FeedSale): Promise<number> {
  const sale = record.payload as SalePayload;
  if (typeof sale !== 'object' || sale === null || !isSaleV1(sale) || sale.training) return 0;
  await tx.query('SAVEPOINT loyalty_sale');
  try {
    let applied = 0;
    if (sale.kind === 'return') applied = await reverseReturn(tx, sale);
    else {
      const outcome = await applySealedEarn(tx, storeId, sale);
      if (outcome.kind === 'refused') {
        const words = outcome.problems.map((p) => p.message).join('; ');
        await reportIncident(tx, storeId, record, 'loyalty_earn_refused', `This sale's points were not credited: ${words}`);
      } else if (outcome.kind === 'already') {
        const words = `the sale earned already for customer ${outcome.customerId}`;
        await reportIncident(tx, storeId, record, 'loyalty_earn_refused', `This sale's points were not credited: ${words}`);
      }
      applied = outcome.kind === 'earned' ? 1 : 0;
    }
    await tx.query('RELEASE SAVEPOINT loyalty_sale');
    return applied;
  } catch (error) {
    if (!(error instanceof HubError) && !(error instanceof LedgerRefusal)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT loyalty_sale');
    await reportIncident(tx, storeId, record, 'loyalty_earn_refused', `This sale's points were not applied: ${error.message}`);
    return 0;
  }
}

const LOYALTY_PROJECTION: FeedProjection<FeedSale, void> = {
  checkpoint: 'loyalty_projection',
  // Only what touches a ledger: sales carrying an earn, returns naming their original.
  read: (tx, storeId, from, end, limit) =>
    tx.query<FeedSale>(
      `SELECT r.feed_seq, d.id, d.seq, r.till_id, d.doc #> '{record,payload}' AS payload
         FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
        WHERE r.store_id = $1 AND r.feed_seq > $2 AND r.feed_seq <= $3 AND r.collection = 'sales'
          AND (d.doc #> '{record,payload,loyalty}' IS NOT NULL OR d.doc #> '{record,payload,returnOf}' IS NOT NULL)
        ORDER BY r.feed_seq LIMIT $4`,
      [storeId, from, end, limit],
    ),
  prepare: async () => undefined,
  apply: async (tx, storeId, records) => {
    let applied = 0;
    for (const record of records) applied += await projectSale(tx, storeId, record);
    return applied;
  },
  skip: (tx, storeId, record, error) =>
    reportIncident(
      tx,
      storeId,
      record,
      'unprojectable_loyalty_sale',
      `Skipped by the loyalty projector: ${String((error as Error)?.message ?? error)}`,
    ),
};

/**
 * Follows one store's verified feed after its checkpoint into the loyalty ledger, in one
 * transaction with the checkpoint (stepFeedProjection): a sale's sealed earn is checked against the
 * program version it names and credited once (`earn:<saleId>`, claimed in loyalty_sale_earns), a
 * return takes back the points of its original pro rata (`reverse:<returnId>`; what the member
 * spent already becomes debt). A sale pushed twice, or months later, or a step done again, earns
 * once. A sale whose earn is wrong is reported (`loyalty_earn_refused`) and earns nothing; the
 * projector goes on with the next.
 */
export function projectStoreLoyalty(db: Database, storeId: string, limit = LOYALTY_BATCH): Promise<FeedStep> {
  return stepFeedProjection(db, storeId, LOYALTY_PROJECTION, limit);
}

/** Keeps every store's loyalty ledger entries up with its verified sales, woken like the other projections. */
export class LoyaltyProjector extends FeedProjector<FeedSale, void> {
  constructor(db: Database, options: ProjectorLoopOptions = {}) {
    super(
      db,
      {
        ...options,
        settleMs: options.settleMs ?? 0,
        maxLagMs: options.maxLagMs ?? 2000,
        concurrency: options.concurrency ?? DEFAULT_LOYALTY_CONCURRENCY,
      },
      LOYALTY_PROJECTION,
      LOYALTY_BATCH,
    );
  }
}
