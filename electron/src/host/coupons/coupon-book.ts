import path from 'node:path';
import { isSaleV1, saleCoupons, type CouponHeld, type SalePayload, type SealedRecord } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

/** A code this host holds for an open sale: reserved at the hub, or one of the till's offline block. */
export type HeldCoupon = CouponHeld & {
  /** The open sale (cart) it is held for: only that sale may use it. */
  readonly saleId: string;
  /** When the hub lets an online reservation run out. */
  readonly until?: string;
};

/** What a sealed sale asks of the hub for a code it used: consume the reservation, or record a block code. */
export type CouponUse = { readonly saleId: string; readonly promotionId: string; readonly code: string; readonly amount: number };

type Line =
  | { readonly kind: 'held'; readonly coupon: HeldCoupon }
  /** To give back (removed from the cart); written before the hub is asked, so offline it is given back later. */
  | { readonly kind: 'release-due'; readonly key: string }
  | { readonly kind: 'released'; readonly key: string }
  | { readonly kind: 'consumed'; readonly key: string }
  /** The hub refused for good: kept for the report, never sent again. */
  | { readonly kind: 'refused'; readonly key: string; readonly hubCode: string | null };

/** One code a sale and promotion: a cart presents one code per promotion. */
export const couponKey = (saleId: string, promotionId: string): string => `${saleId}\u0000${promotionId}`;

/**
 * The coupons this host holds, on disk (fsynced) before the page is told, and what became of them.
 * Which sealed sale used which code is not written here: the fiscal journal says it (this book is
 * one of its indexers, fed every record at each start and each seal), so a kill -9 between the seal
 * and the consumption leaves a code used and not consumed, which the next run consumes. The hub is
 * idempotent by reservation and sale, so consuming twice records one use.
 */
export class CouponBook {
  private readonly held = new Map<string, HeldCoupon>();
  private readonly uses = new Map<string, CouponUse>();
  private readonly voidedSales = new Set<string>();
  private readonly sealedSales = new Set<string>();
  private readonly releaseDue = new Set<string>();
  private readonly closed = new Set<string>();
  private readonly refusedOnes: { readonly key: string; readonly hubCode: string | null }[] = [];
  private log: JsonLinesLog<Line> | null = null;
  /** Called after a record of the journal makes something due (a sale consuming, a void releasing). */
  onDue: () => void = () => undefined;

  static async open(dataDir: string): Promise<CouponBook> {
    const book = new CouponBook();
    book.log = await JsonLinesLog.open<Line>(path.join(dataDir, 'coupons', 'held.jsonl'), (line) => book.apply(line));
    return book;
  }

  /** The journal's indexer: every sealed record, in order, at each start and each seal. */
  readonly add = (record: SealedRecord): void => {
    if (record.chain === 'sale') {
      const sale = record.payload as SalePayload;
      if (!isSaleV1(sale) || sale.kind === 'return') return;
      this.sealedSales.add(record.id);
      const used = saleCoupons(sale.discounts);
      for (const c of used) {
        this.uses.set(couponKey(record.id, c.promotionId), {
          saleId: record.id,
          promotionId: c.promotionId,
          code: c.code ?? '',
          amount: c.amount,
        });
      }
      // A code held for the sale that its discounts did not use (its rule gave nothing) is given back too.
      if (used.length > 0 || [...this.held.values()].some((c) => c.saleId === record.id)) this.onDue();
    } else if (record.chain === 'event') {
      const event = (record as SealedRecord<'event'>).payload;
      if (event.type === 'sale.void') {
        this.voidedSales.add(event.saleId);
        this.onDue();
      }
    }
  };

  /** The code held for this sale and promotion, if any. */
  get(saleId: string, promotionId: string): HeldCoupon | undefined {
    return this.held.get(couponKey(saleId, promotionId));
  }

  /** The code held for this sale under `code`, if any. */
  find(saleId: string, code: string): HeldCoupon | undefined {
    return [...this.held.values()].find((c) => c.saleId === saleId && c.code === code);
  }

  /** A sealed sale used it. */
  isUsed(saleId: string, promotionId: string): boolean {
    return this.uses.has(couponKey(saleId, promotionId));
  }

  /** Given back (or asked to be), consumed or refused: no sale may use it any more. */
  isClosed(saleId: string, promotionId: string): boolean {
    const key = couponKey(saleId, promotionId);
    return this.closed.has(key) || this.releaseDue.has(key);
  }

  /** Codes of this till's block already held by any sale (a block code is good for one sale). */
  blockCodeTaken(code: string): boolean {
    return [...this.held.values()].some((c) => c.offline && c.code === code && !this.releasedFree(c));
  }

  get refused(): readonly { readonly key: string; readonly hubCode: string | null }[] {
    return this.refusedOnes;
  }

  /** Uses of sealed sales the hub has not recorded yet, oldest first, with what was held for them. */
  consumesDue(): readonly { readonly held: HeldCoupon; readonly use: CouponUse }[] {
    const due: { held: HeldCoupon; use: CouponUse }[] = [];
    for (const [key, use] of this.uses) {
      const held = this.held.get(key);
      if (held && !this.closed.has(key)) due.push({ held, use });
    }
    return due;
  }

  /** Online reservations to give back: removed from the cart, of a voided sale, or of a sealed sale that did not use them. */
  releasesDue(): readonly HeldCoupon[] {
    return [...this.held.entries()]
      .filter(([key, c]) => c.reservationId !== undefined && !this.closed.has(key) && !this.uses.has(key))
      .filter(([key, c]) => this.releaseDue.has(key) || this.voidedSales.has(c.saleId) || this.sealedSales.has(c.saleId))
      .map(([, c]) => c);
  }

  async hold(coupon: HeldCoupon): Promise<void> {
    const key = couponKey(coupon.saleId, coupon.promotionId);
    if (this.held.has(key) && !this.releasedFree(this.held.get(key)!)) return;
    await this.record({ kind: 'held', coupon });
  }

  async wantRelease(saleId: string, promotionId: string): Promise<void> {
    const key = couponKey(saleId, promotionId);
    if (!this.releaseDue.has(key) && !this.closed.has(key)) await this.record({ kind: 'release-due', key });
  }

  async released(saleId: string, promotionId: string): Promise<void> {
    await this.record({ kind: 'released', key: couponKey(saleId, promotionId) });
  }

  async consumed(saleId: string, promotionId: string): Promise<void> {
    await this.record({ kind: 'consumed', key: couponKey(saleId, promotionId) });
  }

  async refuse(saleId: string, promotionId: string, hubCode: string | null): Promise<void> {
    await this.record({ kind: 'refused', key: couponKey(saleId, promotionId), hubCode });
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.log = null;
  }

  /** A coupon removed from its cart before any sale used it: its code is free again. */
  private releasedFree(c: HeldCoupon): boolean {
    const key = couponKey(c.saleId, c.promotionId);
    return (this.releaseDue.has(key) || this.closed.has(key)) && !this.uses.has(key);
  }

  private async record(line: Line): Promise<void> {
    if (!this.log) throw new Error('The coupon book is closed');
    await this.log.append(line);
    this.apply(line);
  }

  private apply(line: Line): void {
    switch (line.kind) {
      case 'held': {
        const key = couponKey(line.coupon.saleId, line.coupon.promotionId);
        // Held again after it was given back: a new hold, open again.
        this.held.set(key, line.coupon);
        this.releaseDue.delete(key);
        this.closed.delete(key);
        break;
      }
      case 'release-due':
        this.releaseDue.add(line.key);
        break;
      case 'refused':
        this.refusedOnes.push({ key: line.key, hubCode: line.hubCode });
        this.closed.add(line.key);
        break;
      default:
        this.closed.add(line.key);
    }
  }
}
