import type { CustomerHistoryPage, CustomerPurchaseView } from '@pos/core/contract/customer-contract';
import type { Queryable } from '../db/database';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import { customerNotFound } from './customer-errors';
import { resolveCustomerId } from './customer-resolve';

export const HISTORY_LIMITS = {
  defaultPage: 20,
  maxPage: 50,
  /** Customers merged into one, whose sales count as theirs: far more than a person has duplicates. */
  maxMerged: 200,
} as const;

type Row = {
  completed_at: Date | string;
  store_id: string;
  sale_id: string;
  receipt: string;
  total_incl: number | string;
  items: number | string;
  store_name: string | null;
};

const isKey = (key: readonly unknown[]): key is [string, string, string] =>
  key.length === 3 && key.every((k) => typeof k === 'string' && k.length <= 200) && !Number.isNaN(Date.parse(key[0] as string));

/**
 * A chain customer's purchases in every store and channel, newest first, a page at a time: from
 * the reports' verified sale facts (report_sales, never the sale documents), so a training sale
 * or one that failed verification is not there. A merged customer's id reads the customer kept,
 * and the sales sealed with any id merged into them count too. Each purchase says only when,
 * where, its receipt, total and items: a till may show it at the counter. 404 for an id the hub
 * does not hold (a customer created offline, not sent yet).
 */
export async function customerHistory(db: Queryable, id: string, limit: number, after?: string): Promise<CustomerHistoryPage> {
  const kept = await resolveCustomerId(db, id);
  const ids = await db.query<{ id: string }>(
    'SELECT id FROM chain_customers WHERE id = $1 OR merged_into = $1 ORDER BY (id = $1) DESC, id LIMIT $2',
    [kept, HISTORY_LIMITS.maxMerged],
  );
  if (!ids.some((r) => r.id === kept)) throw customerNotFound(id);
  const from = after === undefined ? null : decodeCursor(after, isKey);
  const rows = await db.query<Row>(
    `SELECT rs.completed_at, rs.store_id, rs.sale_id, rs.receipt, rs.total_incl, rs.items, s.name AS store_name
       FROM report_sales rs LEFT JOIN stores s ON s.store_id = rs.store_id
      WHERE rs.customer_id = ANY($1::text[])
        AND ($2::timestamptz IS NULL OR (rs.completed_at, rs.store_id, rs.sale_id) < ($2::timestamptz, $3::text, $4::text))
      ORDER BY rs.completed_at DESC, rs.store_id DESC, rs.sale_id DESC
      LIMIT $5`,
    [ids.map((r) => r.id), from?.[0] ?? null, from?.[1] ?? null, from?.[2] ?? null, limit + 1],
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    purchases: page.map((r): CustomerPurchaseView => ({
      at: new Date(r.completed_at).toISOString(),
      storeName: r.store_name ?? r.store_id,
      receipt: r.receipt,
      total: Number(r.total_incl),
      items: Number(r.items),
    })),
    next: more && last ? encodeCursor([new Date(last.completed_at).toISOString(), last.store_id, last.sale_id]) : null,
  };
}
