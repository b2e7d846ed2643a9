import {
  buildReceipt,
  PosError,
  type IssuedVoucher,
  type SaleDrawerResult,
  type SalePayload,
  type SealedRecord,
  type TicketRecord,
} from '@pos/core';
import { joinLinkFor } from '@pos/core/signup/join-link';
import { withJoinCode } from '@pos/core/signup/join-receipt';
import type { Receipt } from '@pos/core';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, record, text } from './request-guards';

/**
 * Receipts are built by the host from the sealed record in its journal, so what prints is what
 * was sealed. The original prints once, and only when the customer wants paper; every other copy
 * is a DUPLICATA, numbered per sale and sealed on the duplicate chain before it prints. A cash
 * sale's drawer opens once, with or without a receipt.
 */
export function receiptHandlers(
  ctx: HostContext,
  // The cards a sale's vouchers made (codes on the original only): none without it.
  vouchersOf: (sale: SalePayload, original: boolean) => Promise<readonly IssuedVoucher[]> = async () => [],
): HandlerGroup {
  // A ticket of the sale chain, or a fictitious one of training mode (printed MODE ÉCOLE).
  const saleRecord = async (saleId: string): Promise<TicketRecord> => {
    const found = await ctx.journal.get(saleId);
    if (!found || (found.chain !== 'sale' && found.chain !== 'training'))
      throw new PosError('NOT_FOUND', `No sealed sale ${saleId} on this till`, { reason: 'sale-not-found' });
    return found as TicketRecord;
  };
  // The loyalty sign-up's QR code, on a sale without a member, when the till knows the hub's public address.
  const withJoin = (receipt: Receipt, sale: TicketRecord) =>
    withJoinCode(receipt, joinLinkFor(sale, ctx.profile, ctx.hub.status().hubUrl), ctx.profile.receiptLocale);
  const cashierName = (staffId: string) => ctx.staff.list().find((s) => s.id === staffId)?.displayName ?? staffId;
  const parse = (raw: unknown) => ({ saleId: text(record(raw, 'receipt request'), 'saleId', { max: 64, pattern: ID_PATTERN }) });

  return {
    'receipt.print': {
      parse,
      // In their own queue (printing never holds up sealing), so two quick prints of one sale cannot both pass as the original.
      run: ({ saleId }) =>
        ctx.receiptGate.run(async () => {
          ctx.session.require();
          const sale = await saleRecord(saleId);
          if (!ctx.originals.mayGo(saleId)) {
            throw new PosError('RECEIPT_ALREADY_PRINTED', `The original receipt of ${saleId} was already printed: print a DUPLICATA`);
          }
          const receipt = buildReceipt(sale, ctx.profile, {
            width: ctx.printer.columns,
            cashierName: cashierName(sale.payload.staffId),
            softwareVersion: ctx.appVersion,
            vouchers: await vouchersOf(sale.payload, true),
          });
          return ctx.originals.run(saleId, () => ctx.printer.print(withJoin(receipt, sale)));
        }),
    },
    'drawer.openForSale': {
      parse,
      // In the receipts' queue: the kick reaches the printer before a receipt asked for after it, and two asks cannot both kick.
      run: ({ saleId }) =>
        ctx.receiptGate.run(async (): Promise<SaleDrawerResult> => {
          ctx.session.require();
          const sale = await saleRecord(saleId);
          // The sealed cash sale is the drawer's trace; a sale paid without cash has no reason to open it.
          if (!sale.payload.tenders.some((t) => t.method === 'cash')) return { status: 'not-due' };
          // A till set up with no printer ("none") has no drawer to drive: nothing to kick, nothing to warn about.
          if (!ctx.printer.drivesDrawer) return { status: 'not-due' };
          if (!ctx.drawerKicks.mayGo(saleId)) return { status: 'already-opened' };
          const outcome = await ctx.drawerKicks.run(saleId, () => ctx.printer.openDrawer(ctx.devices.settings.drawer));
          return outcome.status === 'failed' ? outcome : { status: 'opened' };
        }),
    },
    'receipt.reprint': {
      parse,
      // One at a time, so two quick clicks get numbers 1 and 2, not 1 twice.
      run: ({ saleId }) =>
        ctx.receiptGate.run(async () => {
          const staff = ctx.session.require();
          const sale = await saleRecord(saleId);
          const reprintNumber = ctx.index.duplicateCount(saleId) + 1;
          const event = await ctx.sealer.seal({
            chain: 'duplicate',
            id: `duplicate-${saleId}-${reprintNumber}`,
            payload: { type: 'duplicate', saleId, receiptSeq: sale.seq, duplicateNumber: reprintNumber, staffId: staff.id },
          });
          const receipt = buildReceipt(sale, ctx.profile, {
            width: ctx.printer.columns,
            cashierName: cashierName(sale.payload.staffId),
            softwareVersion: ctx.appVersion,
            duplicate: reprintNumber,
            vouchers: await vouchersOf(sale.payload, false),
          });
          return { reprintNumber, event: event as SealedRecord<'duplicate'>, outcome: await ctx.printer.print(withJoin(receipt, sale)) };
        }),
    },
  };
}
