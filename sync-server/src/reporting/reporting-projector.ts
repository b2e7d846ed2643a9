import { demoStoreProfile, type BusinessDaySettings } from '@pos/core';
import { sha256Hex } from '../auth/secrets';
import type { Database, Queryable } from '../db/database';
import { loadSaleRules } from '../fiscal/sale-arithmetic';
import { FeedProjector, stepFeedProjection, type FeedProjection, type FeedStep } from '../fiscal/feed-projector';
import { notifyChange } from '../sync/change-notice';
import type { ProjectorLoopOptions } from '../sync/projector-loop';
import { addToRollups, rollupDeltas } from './rollups';
import { saleFacts, type SaleFacts } from './sale-facts';

/** Sales read per step. */
export const REPORTING_BATCH = 1000;
/** Stores projected at once by default: a store's step waits on the database most of its time. */
export const DEFAULT_REPORTING_CONCURRENCY = 6;

/**
 * The change notice's collection saying a store's reports changed (its scope: the store; its seq:
 * the verified feed's number of the last sale counted). Sent once the step's transaction has
 * committed, to every hub instance: the back office's live dashboards listen for it (report-events.ts).
 */
export const REPORTS_CHANGED = 'reports';

type FeedSale = {
  readonly feed_seq: number;
  readonly id: string;
  readonly seq: number;
  readonly till_id: string;
  readonly payload: unknown;
  /** Its place on the till's sale chain (the receipt's sequence). */
  readonly epoch: number;
  readonly chain_seq: number;
};

/**
 * Follows one store's verified feed after its checkpoint (stepFeedProjection) into the reports:
 * a fact per sale (report_sales) and per line (report_lines), and the daily roll-ups the
 * dashboard reads (rollups.ts), in the step's transaction. Idempotent: a sale whose fact row
 * exists already (its key: store and sale) adds nothing to the roll-ups, so even a step run again
 * over the same records counts each sale once. Training sales are never counted. A step that
 * counted a sale says so once committed (REPORTS_CHANGED). A sale it cannot
 * read is reported (`unprojectable_report_sale`) and skipped.
 */
export function projectStoreReports(db: Database, storeId: string, limit = REPORTING_BATCH): Promise<FeedStep> {
  return stepFeedProjection(db, storeId, REPORTING_PROJECTION, limit);
}

const REPORTING_PROJECTION: FeedProjection<FeedSale, BusinessDaySettings> = {
  checkpoint: 'reporting_projection',
  read: (tx, storeId, from, end, limit) =>
    tx.query<FeedSale>(
      `SELECT r.feed_seq, d.id, d.seq, r.till_id, d.doc #> '{record,payload}' AS payload, r.epoch, r.seq AS chain_seq
         FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
        WHERE r.store_id = $1 AND r.feed_seq > $2 AND r.feed_seq <= $3 AND r.collection = 'sales'
        ORDER BY r.feed_seq LIMIT $4`,
      [storeId, from, end, limit],
    ),
  prepare: async (tx, storeId) => {
    const rules = await loadSaleRules(tx, storeId);
    return { timeZone: rules.timeZone ?? demoStoreProfile().timeZone, dayStartHour: rules.dayStartHour ?? 0 };
  },
  apply: (tx, storeId, records, days) => applySales(tx, storeId, records, days),
  skip: (tx, storeId, record, error) => reportSkipped(tx, storeId, record, error),
};

async function applySales(tx: Queryable, storeId: string, records: readonly FeedSale[], days: BusinessDaySettings): Promise<number> {
  const byId = new Map<string, SaleFacts>();
  for (const r of records) {
    const facts = saleFacts(r.id, r.till_id, r.payload, days, { epoch: Number(r.epoch), seq: Number(r.chain_seq) });
    if (facts) byId.set(r.id, facts);
  }
  if (byId.size === 0) return 0;
  // Only the sales whose fact row is new add to the roll-ups: the fact's key is the guard.
  const inserted = await tx.query<{ sale_id: string }>(
    `INSERT INTO report_sales (store_id, sale_id, till_id, business_date, local_hour, weekday, channel, kind, staff_id,
                               total_incl, total_excl, discount, items, tenders, vat, completed_at, epoch, seq, receipt, return_of, customer_id)
     SELECT $1, s.sale_id, s.till_id, s.business_date, s.local_hour, s.weekday, s.channel, s.kind, s.staff_id,
            s.total_incl, s.total_excl, s.discount, s.items, s.tenders, s.vat, s.completed_at, s.epoch, s.seq, s.receipt, s.return_of,
            s.customer_id
       FROM jsonb_to_recordset($2::jsonb) AS s(sale_id text, till_id text, business_date text, local_hour int, weekday int, channel text,
            kind text, staff_id text, total_incl int8, total_excl int8, discount int8, items int8, tenders jsonb, vat jsonb,
            completed_at timestamptz, epoch int, seq int8, receipt text, return_of text, customer_id text)
     ON CONFLICT (store_id, sale_id) DO NOTHING RETURNING sale_id`,
    [storeId, JSON.stringify([...byId.values()].map((f) => f.sale))],
  );
  const fresh = inserted.map((r) => byId.get(r.sale_id)!);
  if (fresh.length === 0) return 0;
  const lines = fresh.flatMap((f) =>
    f.lines.map((l) => ({ ...l, business_date: f.sale.business_date, till_id: f.sale.till_id, kind: f.sale.kind })),
  );
  const categories = await productCategories(tx, [...new Set(lines.map((l) => l.product_id))]);
  if (lines.length > 0) {
    await tx.query(
      `INSERT INTO report_lines (store_id, sale_id, line_id, business_date, till_id, kind, product_id, category, quantity, items,
                                 net_incl, net_excl, rate_bp, discount, salesperson_id)
       SELECT $1, l.sale_id, l.line_id, l.business_date, l.till_id, l.kind, l.product_id, coalesce($3::jsonb ->> l.product_id, ''),
              l.quantity, l.items, l.net_incl, l.net_excl, l.rate_bp, l.discount, l.salesperson_id
         FROM jsonb_to_recordset($2::jsonb) AS l(sale_id text, line_id text, business_date text, till_id text, kind text, product_id text,
              quantity int8, items int8, net_incl int8, net_excl int8, rate_bp int, discount int8, salesperson_id text)`,
      [storeId, JSON.stringify(lines), JSON.stringify(Object.fromEntries(categories))],
    );
  }
  await addToRollups(tx, storeId, rollupDeltas(fresh, categories));
  await notifyChange(tx, { kind: 'store', storeId }, REPORTS_CHANGED, Math.max(...records.map((r) => Number(r.feed_seq))));
  return fresh.length;
}

/** Each product's category in the catalog now (a product the catalog does not hold: none). */
async function productCategories(tx: Queryable, productIds: readonly string[]): Promise<Map<string, string>> {
  if (productIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; category: string | null }>(
    `SELECT id, doc ->> 'category' AS category FROM catalog_docs WHERE collection = 'products' AND id = ANY($1::text[])`,
    [productIds],
  );
  return new Map(rows.filter((r) => typeof r.category === 'string').map((r) => [r.id, r.category!.slice(0, 200)]));
}

/** A sale the reports could not take, skipped: an incident for head office with the error. Keyed by sale: reported once. */
async function reportSkipped(tx: Queryable, storeId: string, sale: FeedSale, error: unknown): Promise<void> {
  const message = `This sale could not be projected into the reports and was skipped: ${String((error as Error)?.message ?? error).slice(0, 500)}`;
  await tx.query(
    `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     VALUES ($1, $2, 'unprojectable_report_sale', 'sales', $3, $4, jsonb_build_object('seq', $5::int8, 'message', $6::text))
     ON CONFLICT (store_id, incident_id) DO NOTHING`,
    [storeId, sha256Hex(`unprojectable_report_sale\nsales\n${sale.id}\n${sale.seq}`), sale.id, sale.till_id, sale.seq, message],
  );
}

/**
 * Keeps every store's reports up with its verified sales, on this hub instance: woken by the
 * chain verifier's notice of the store's verified feed, at start and after the listening
 * connection came back. No quiet time: the dashboard is live.
 */
export class ReportingProjector extends FeedProjector<FeedSale, BusinessDaySettings> {
  constructor(db: Database, options: ProjectorLoopOptions = {}) {
    super(
      db,
      {
        ...options,
        settleMs: options.settleMs ?? 0,
        maxLagMs: options.maxLagMs ?? 2000,
        concurrency: options.concurrency ?? DEFAULT_REPORTING_CONCURRENCY,
      },
      REPORTING_PROJECTION,
      REPORTING_BATCH,
    );
  }
}
