import { CoalescedRun } from '../hub/coalesced-run';
import { hubCodeOf, transientHubError } from '../ledgers/reservation-runner';
import type { CouponBook, CouponUse, HeldCoupon } from './coupon-book';

/** What the runner asks of the hub (coupon-hub.ts). */
export type CouponHub = {
  /** An online reservation consumed by its sealed sale. */
  readonly consume: (held: HeldCoupon, use: CouponUse) => Promise<void>;
  /** A block code a sale sealed offline used: recorded by the hub. */
  readonly redeemOffline: (held: HeldCoupon, use: CouponUse) => Promise<void>;
  readonly release: (held: HeldCoupon) => Promise<void>;
};

/**
 * Sends what the book says is due: the uses of sealed sales first, then the reservations to give
 * back. Stops at the first sign the hub is away (the next run goes on); a refusal for good is kept
 * with the hub's code and reported, never retried. One run at a time; a run asked for during
 * another runs again after it.
 */
export class CouponRunner {
  private readonly runs = new CoalescedRun(() => this.sendAll());

  constructor(
    private readonly book: CouponBook,
    private readonly hub: CouponHub,
    private readonly report: (refused: { readonly saleId: string; readonly code: string; readonly hubCode: string | null }) => void = () =>
      undefined,
  ) {}

  run(): Promise<void> {
    return this.runs.run();
  }

  settle(): Promise<void> {
    return this.runs.settle();
  }

  private async sendAll(): Promise<void> {
    for (const { held, use } of this.book.consumesDue()) {
      const send = held.offline ? () => this.hub.redeemOffline(held, use) : () => this.hub.consume(held, use);
      if (!(await this.attempt(held, send, () => this.book.consumed(held.saleId, held.promotionId)))) return;
    }
    for (const held of this.book.releasesDue()) {
      if (
        !(await this.attempt(
          held,
          () => this.hub.release(held),
          () => this.book.released(held.saleId, held.promotionId),
        ))
      )
        return;
    }
  }

  /** False when the hub is away: what is left waits for the next run. */
  private async attempt(held: HeldCoupon, send: () => Promise<void>, done: () => Promise<void>): Promise<boolean> {
    try {
      await send();
    } catch (error) {
      if (transientHubError(error)) return false;
      const hubCode = hubCodeOf(error);
      await this.book.refuse(held.saleId, held.promotionId, hubCode);
      this.report({ saleId: held.saleId, code: held.code, hubCode });
      return true;
    }
    await done();
    return true;
  }
}
