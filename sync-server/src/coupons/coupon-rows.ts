import type { CouponFacts, CouponUse } from '@pos/core';
import type { Queryable } from '../db/database';

/** A use as the table keeps it, with what the hub needs beyond core's CouponUse. */
export type CouponUseRow = CouponUse & {
  readonly promotionId: string;
  readonly tillRef: string;
  readonly saleId?: string;
  readonly requestHash: string;
  readonly answer: unknown;
};

type Raw = {
  promotion_id: string;
  use_id: string;
  code: string;
  customer_id: string | null;
  till_ref: string;
  state: CouponUse['state'];
  amount: number;
  until: string | null;
  sale_id: string | null;
  request_hash: string;
  answer: unknown;
};

const COLUMNS = 'promotion_id, use_id, code, customer_id, till_ref, state, amount, until, sale_id, request_hash, answer';

function fromRaw(r: Raw): CouponUseRow {
  return {
    promotionId: r.promotion_id,
    useId: r.use_id,
    code: r.code,
    ...(r.customer_id !== null ? { customerId: r.customer_id } : {}),
    tillRef: r.till_ref,
    state: r.state,
    amount: Number(r.amount),
    ...(r.until !== null ? { until: r.until } : {}),
    ...(r.sale_id !== null ? { saleId: r.sale_id } : {}),
    requestHash: r.request_hash,
    answer: r.answer,
  };
}

/** Creates the promotion's account row if needed and locks it: the uses of one coupon are decided one at a time. */
export async function lockCoupon(tx: Queryable, promotionId: string): Promise<void> {
  await tx.query('INSERT INTO coupon_accounts (promotion_id) VALUES ($1) ON CONFLICT DO NOTHING', [promotionId]);
  await tx.query('SELECT promotion_id FROM coupon_accounts WHERE promotion_id = $1 FOR UPDATE', [promotionId]);
}

/**
 * core's CouponFacts of a promotion's coupon at `at`, for `ask`, in one aggregate query (a shared
 * code may have a million uses): those consumed and those held until after `at` count (instants
 * are compared as the hub writes them, ISO with milliseconds, which sort as text). `except` leaves
 * one use out (the one being consumed).
 */
export async function couponFactsAt(
  tx: Queryable,
  promotionId: string,
  ask: { readonly code: string; readonly customerId?: string },
  at: string,
  except?: string,
): Promise<CouponFacts> {
  const [row] = await tx.query<{ live: number; given: string | number; code_taken: boolean | null; customer_taken: boolean | null }>(
    `SELECT count(*)::int AS live, COALESCE(sum(amount), 0)::bigint AS given,
            bool_or(code = $2) AS code_taken, bool_or(customer_id = $3) AS customer_taken
       FROM coupon_uses
      WHERE promotion_id = $1 AND (state = 'consumed' OR (state = 'reserved' AND until > $4)) AND ($5::text IS NULL OR use_id <> $5)`,
    [promotionId, ask.code, ask.customerId ?? null, at, except ?? null],
  );
  return {
    live: row?.live ?? 0,
    given: Number(row?.given ?? 0),
    codeTaken: row?.code_taken === true,
    customerTaken: row?.customer_taken === true,
  };
}

export async function findUse(tx: Queryable, promotionId: string, useId: string): Promise<CouponUseRow | undefined> {
  const [row] = await tx.query<Raw>(`SELECT ${COLUMNS} FROM coupon_uses WHERE promotion_id = $1 AND use_id = $2`, [promotionId, useId]);
  return row ? fromRaw(row) : undefined;
}

export type NewUse = {
  readonly promotionId: string;
  readonly useId: string;
  readonly code: string;
  readonly customerId?: string;
  readonly storeId: string;
  readonly tillRef: string;
  readonly state: 'reserved' | 'consumed';
  readonly amount: number;
  readonly at: string;
  readonly until?: string;
  readonly saleId?: string;
  readonly offline?: boolean;
  readonly incident?: string;
  readonly requestHash: string;
  readonly answer: unknown;
};

export async function insertUse(tx: Queryable, use: NewUse): Promise<void> {
  await tx.query(
    `INSERT INTO coupon_uses (promotion_id, use_id, code, customer_id, store_id, till_ref, state, amount, at, until, sale_id, offline, incident, request_hash, answer)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      use.promotionId,
      use.useId,
      use.code,
      use.customerId ?? null,
      use.storeId,
      use.tillRef,
      use.state,
      use.amount,
      use.at,
      use.until ?? null,
      use.saleId ?? null,
      use.offline ?? false,
      use.incident ?? null,
      use.requestHash,
      JSON.stringify(use.answer),
    ],
  );
}

/** A reservation consumed by its sale or released: its new state, and the answer a retry gets. */
export async function settleUse(
  tx: Queryable,
  key: { readonly promotionId: string; readonly useId: string },
  change: {
    readonly state: 'consumed' | 'released';
    readonly amount?: number;
    readonly saleId?: string;
    readonly incident?: string;
    readonly answer: unknown;
  },
): Promise<void> {
  await tx.query(
    `UPDATE coupon_uses SET state = $3, amount = COALESCE($4, amount), sale_id = COALESCE($5, sale_id), incident = $6, answer = $7
      WHERE promotion_id = $1 AND use_id = $2`,
    [
      key.promotionId,
      key.useId,
      change.state,
      change.amount ?? null,
      change.saleId ?? null,
      change.incident ?? null,
      JSON.stringify(change.answer),
    ],
  );
}
