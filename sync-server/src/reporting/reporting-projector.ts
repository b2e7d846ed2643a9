import type { BusinessDaySettings } from '@pos/core';
import { sha256Hex } from '../auth/secrets';
import type { Database, Queryable } from '../db/database';
import { loadStoresBusinessDays } from '../fiscal/sale-arithmetic';
import {
  FeedProjector,
  readFeedOfStores,
  stepFeedProjection,
  stepFeedProjections,
  type FeedStep,
  type StoreRecords,
  type StoresFeedProjection,
} from '../fiscal/feed-projector';
import { notifyChanges } from '../sync/change-notice';
import type { ProjectorLoopOptions } from '../sync/projector-loop';
import { addToRollups, rollupDeltas } from './rollups';
import { saleFacts, type SaleFacts } from './sale-facts';

/** Sales read per step. */
export const REPORTING_BATCH = 1000;
/** Steps at once by default: a step waits on the database most of its time. */
export const DEFAULT_REPORTING_CONCURRENCY = 6;
/**
 * Stores a step takes together at most by default: one, as measured best under bench:office's
 * load so far (README); startProjectors' storesPerStep takes them together (40 was tried).
 */
export const REPORTING_GROUP = 1;

/**
 * The change notice's collection saying a store's reports changed (its scope: the store; its seq:
 * the verified feed's number of the last sale counted). Sent once the step's transaction has
 * committed, to every hub instance: the back office's live dashboards listen for it (report-events.ts).
 */
export const REPORTS_CHANGED = 'reports';

type FeedSale = {
  readonly store_id: string;
  readonly feed_seq: number;
  readonly id: string;
  readonly seq: number;
  readonly till_id: string;
  readonly payload: unknown;
  /** Its place on the till's sale chain (the receipt's sequence). */
  readonly epoch: number;
  readonly chain_seq: number;
};

type StoresDays = ReadonlyMap<string, BusinessDaySettings>;

/**
 * Follows one store's verified feed after its checkpoint (stepFeedProjection) into the reports:
 * a fact per sale (report_sales) and per line (report_lines), and the daily roll-ups the
 * dashboard reads (rollups.ts), in the step's transaction. Idempotent: a sale whose fact row
 * exists already (its key: store and sale) adds nothing to the roll-ups, so even a step run again
 * over the same records counts each sale once. Training sales are never counted. A step that
 * counted a sale says so once committed (REPORTS_CHANGED). A sale it cannot
 * read is reported (`unprojectable_report_sale`) and skipped. The projector steps many stores
 * at once the same way (ReportingProjector, stepFeedProjections: one statement each for all).
 */
export function projectStoreReports(db: Database, storeId: string, limit = REPORTING_BATCH): Promise<FeedStep> {
  return stepFeedProjection(db, storeId, REPORTING_PROJECTION, limit);
}

/** One step of several stores together (what the projector does with the stores due at once); each store's part. */
export function projectStoresReports(
  db: Database,
  storeIds: readonly string[],
  limit = REPORTING_BATCH,
): Promise<ReadonlyMap<string, FeedStep>> {
  return stepFeedProjections(db, storeIds, REPORTING_PROJECTION, limit);
}

const REPORTING_PROJECTION: StoresFeedProjection<FeedSale, StoresDays> = {
  checkpoint: 'reporting_projection',
  readStores: (tx, bounds, limit) =>
    readFeedOfStores<FeedSale>(
      tx,
      bounds,
      limit,
      `d.id, d.seq, r.till_id, d.doc #> '{record,payload}' AS payload, r.epoch, r.seq AS chain_seq`,
      `r.collection = 'sales'`,
    ),
  prepareStores: (tx, batches) =>
    loadStoresBusinessDays(
      tx,
      batches.map((b) => b.storeId),
    ),
  applyStores: (tx, batches, days) => applySales(tx, batches, days),
  skip: (tx, storeId, record, error) => reportSkipped(tx, storeId, record, error),
};

type Fresh = { readonly storeId: string; readonly facts: SaleFacts };

/** Facts, lines and roll-ups of the stores' sales, one statement each for every store; the sales counted, by store. */
async function applySales(tx: Queryable, batches: readonly StoreRecords<FeedSale>[], days: StoresDays): Promise<Map<string, number>> {
  const byKey = new Map<string, Fresh>();
  for (const { storeId, records } of batches) {
    const businessDays = days.get(storeId)!;
    for (const r of records) {
      const facts = saleFacts(r.id, r.till_id, r.payload, businessDays, { epoch: Number(r.epoch), seq: Number(r.chain_seq) });
      if (facts) byKey.set(saleKey(storeId, r.id), { storeId, facts });
    }
  }
  const counted = new Map<string, number>();
  if (byKey.size === 0) return counted;
  // Only the sales whose fact row is new add to the roll-ups: the fact's key is the guard.
  const inserted = await tx.query<{ store_id: string; sale_id: string }>(
    `INSERT INTO report_sales (store_id, sale_id, till_id, business_date, local_hour, weekday, channel, kind, staff_id,
                               total_incl, total_excl, discount, items, tenders, vat, completed_at, epoch, seq, receipt, return_of, customer_id)
     SELECT s.store_id, s.sale_id, s.till_id, s.business_date, s.local_hour, s.weekday, s.channel, s.kind, s.staff_id,
            s.total_incl, s.total_excl, s.discount, s.items, s.tenders, s.vat, s.completed_at, s.epoch, s.seq, s.receipt, s.return_of,
            s.customer_id
       FROM jsonb_to_recordset($1::jsonb) AS s(store_id text, sale_id text, till_id text, business_date text, local_hour int, weekday int,
            channel text, kind text, staff_id text, total_incl int8, total_excl int8, discount int8, items int8, tenders jsonb, vat jsonb,
            completed_at timestamptz, epoch int, seq int8, receipt text, return_of text, customer_id text)
     ON CONFLICT (store_id, sale_id) DO NOTHING RETURNING store_id, sale_id`,
    [JSON.stringify([...byKey.values()].map((f) => ({ store_id: f.storeId, ...f.facts.sale })))],
  );
  const fresh = inserted.map((r) => byKey.get(saleKey(r.store_id, r.sale_id))!);
  if (fresh.length === 0) return counted;
  const lines = fresh.flatMap(({ storeId, facts }) =>
    facts.lines.map((l) => ({
      ...l,
      store_id: storeId,
      business_date: facts.sale.business_date,
      till_id: facts.sale.till_id,
      kind: facts.sale.kind,
    })),
  );
  const categories = await productCategories(tx, [...new Set(lines.map((l) => l.product_id))]);
  if (lines.length > 0) {
    await tx.query(
      `INSERT INTO report_lines (store_id, sale_id, line_id, business_date, till_id, kind, product_id, category, quantity, items,
                                 net_incl, net_excl, rate_bp, discount, salesperson_id)
       SELECT l.store_id, l.sale_id, l.line_id, l.business_date, l.till_id, l.kind, l.product_id, coalesce($2::jsonb ->> l.product_id, ''),
              l.quantity, l.items, l.net_incl, l.net_excl, l.rate_bp, l.discount, l.salesperson_id
         FROM jsonb_to_recordset($1::jsonb) AS l(store_id text, sale_id text, line_id text, business_date text, till_id text, kind text,
              product_id text, quantity int8, items int8, net_incl int8, net_excl int8, rate_bp int, discount int8, salesperson_id text)`,
      [JSON.stringify(lines), JSON.stringify(Object.fromEntries(categories))],
    );
  }
  const byStore = new Map<string, SaleFacts[]>();
  for (const { storeId, facts } of fresh) {
    const sales = byStore.get(storeId);
    if (sales) sales.push(facts);
    else byStore.set(storeId, [facts]);
  }
  await addToRollups(tx, new Map([...byStore].map(([storeId, sales]) => [storeId, rollupDeltas(sales, categories)])));
  const notices = batches
    .filter((b) => byStore.has(b.storeId))
    .map((b) => ({ scope: { kind: 'store', storeId: b.storeId } as const, seq: Math.max(...b.records.map((r) => Number(r.feed_seq))) }));
  await notifyChanges(tx, REPORTS_CHANGED, notices);
  for (const [storeId, sales] of byStore) counted.set(storeId, sales.length);
  return counted;
}

const saleKey = (storeId: string, saleId: string) => `${storeId}\u0000${saleId}`;

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
export class ReportingProjector extends FeedProjector<FeedSale, StoresDays> {
  constructor(db: Database, options: ProjectorLoopOptions = {}) {
    super(
      db,
      {
        ...options,
        settleMs: options.settleMs ?? 0,
        maxLagMs: options.maxLagMs ?? 2000,
        concurrency: options.concurrency ?? DEFAULT_REPORTING_CONCURRENCY,
        group: options.group ?? REPORTING_GROUP,
      },
      REPORTING_PROJECTION,
      REPORTING_BATCH,
    );
  }
}
