import type { IssuedVoucher, SalePayload } from '@pos/core';
import type { HandlerGroup } from '../handlers/handler-registry';
import { sendVoucher, voucherHandlers, voucherReceipt, type MaskedCodes } from '../handlers/voucher-handlers';
import type { HostContext } from '../host-context';
import { onHubBack } from '../hub/hub-back';
import { VoucherOutbox } from './voucher-outbox';

/** How often the host looks for cards still to make when nothing else asks (a sale sealed while the page was closed). */
export const VOUCHER_RETRY_MS = 60_000;

export type Vouchers = {
  readonly outbox: VoucherOutbox;
  readonly handlers: HandlerGroup;
  /** The cards a receipt prints (receipt-handlers). */
  readonly receipt: (sale: SalePayload, original: boolean) => Promise<readonly IssuedVoucher[]>;
  close(): Promise<void>;
};

/**
 * The till host's gift cards and store credit: the outbox fed from the journal's sale chain, run
 * at start (a sale sealed before a kill -9 gets its card now), when the hub comes back, every
 * VOUCHER_RETRY_MS, and after each sale by the page (vouchers.issue) or its receipt.
 */
export async function openVouchers(ctx: HostContext, retryMs = VOUCHER_RETRY_MS): Promise<Vouchers> {
  const masked: MaskedCodes = new Map();
  const outbox = await VoucherOutbox.open(ctx.dataDir, {
    readSales: (afterSeq, limit) => ctx.journal.read('sale', afterSeq, limit),
    send: sendVoucher(ctx, masked),
  });
  const kick = () => {
    if (ctx.hub.enrolled) void outbox.run().catch(() => undefined);
  };
  kick();
  const stopOnline = onHubBack(ctx.events, kick);
  const timer = setInterval(kick, retryMs);
  timer.unref();
  return {
    outbox,
    handlers: voucherHandlers(ctx, outbox, masked),
    receipt: voucherReceipt(outbox),
    close: async () => {
      clearInterval(timer);
      stopOnline();
      await outbox.close();
    },
  };
}
