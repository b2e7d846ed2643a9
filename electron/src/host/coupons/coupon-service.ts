import { couponHandlers, couponHub } from '../handlers/coupon-handlers';
import type { HandlerGroup } from '../handlers/handler-registry';
import type { HostContext } from '../host-context';
import { CouponBlock, type BlockCode } from './coupon-block';
import { CouponRunner } from './coupon-runner';
import { onHubBack } from '../hub/hub-back';

/** How often the host sends what waits and reads its block again when nothing else asks. */
export const COUPON_RETRY_MS = 60_000;

/** Fewer codes of a single-use promotion than this in the block: the host asks the hub for more. */
const REFILL_BELOW = 10;

export type Coupons = {
  readonly runner: CouponRunner;
  readonly block: CouponBlock;
  readonly handlers: HandlerGroup;
  /** Reads this till's offline block from the hub again (online only; offline it keeps the last one). */
  refreshBlock(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The host's side of the hub's coupons: the codes it holds (ctx.coupons, an indexer of the journal)
 * consumed, recorded or given back by one runner, run at start (a sale sealed before a kill -9 is
 * consumed now), after every seal that makes something due, when the hub comes back, and every
 * COUPON_RETRY_MS; the till's offline block read from the hub at the same times.
 */
export async function openCoupons(ctx: HostContext, retryMs = COUPON_RETRY_MS): Promise<Coupons> {
  const book = ctx.coupons;
  const block = await CouponBlock.open(ctx.dataDir);
  const runner = new CouponRunner(book, couponHub(ctx), ({ saleId, code, hubCode }) =>
    ctx.events.emit('host.notice', {
      level: 'error',
      message: `The hub refused coupon ${code} of sale ${saleId} (${hubCode ?? 'no code'}): report it to head office`,
    }),
  );
  const refreshBlock = async () => {
    if (!ctx.hub.enrolled) return;
    // The hub on demand: a single-use promotion of which the block holds few codes is topped up (the hub bounds it).
    for (const promotionId of ctx.promotions.singleUsePromotionIds()) {
      if (block.countFor(promotionId) < REFILL_BELOW) {
        await ctx.hub.send('POST', '/api/v1/till/coupons/block', { promotionId }).catch(() => undefined);
      }
    }
    const answer = await ctx.hub.send<{ codes: BlockCode[] }>('GET', '/api/v1/till/coupons/block');
    await block.replace(answer.codes);
  };
  let closed = false;
  const kick = () => {
    if (closed || !ctx.hub.enrolled) return;
    void runner.run().catch(() => undefined);
  };
  // The read under way, awaited at close: its file must be written before the data directory may go.
  let reading: Promise<void> = Promise.resolve();
  const both = () => {
    kick();
    if (!closed) reading = reading.then(() => (closed ? undefined : refreshBlock().catch(() => undefined)));
  };
  book.onDue = () => setImmediate(kick);
  both();
  const stopOnline = onHubBack(ctx.events, both);
  const timer = setInterval(both, retryMs);
  timer.unref();
  return {
    runner,
    block,
    refreshBlock,
    handlers: couponHandlers(ctx, book, block, kick),
    close: async () => {
      closed = true;
      clearInterval(timer);
      stopOnline();
      book.onDue = () => undefined;
      await runner.settle();
      await reading;
      await book.close();
    },
  };
}
