import { buildReceipt, PosError, type SealedRecord } from '@pos/core';
import type { HostContext } from '../host-context';
import { originalStateAfter } from '../printer/original-receipts';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, record, text } from './request-guards';

/**
 * Receipts are built by the host from the sealed record in its journal, so what prints is what
 * was sealed. The original prints once; every other copy is a DUPLICATA, numbered per sale and
 * sealed on the duplicate chain before it prints.
 */
export function receiptHandlers(ctx: HostContext): HandlerGroup {
  const saleRecord = async (saleId: string): Promise<SealedRecord<'sale'>> => {
    const found = await ctx.journal.get(saleId);
    if (!found || found.chain !== 'sale') throw new PosError('NOT_FOUND', `No sealed sale ${saleId} on this till`);
    return found as SealedRecord<'sale'>;
  };
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
          if (!ctx.originals.mayPrint(saleId)) {
            throw new PosError('RECEIPT_ALREADY_PRINTED', `The original receipt of ${saleId} was already printed: print a DUPLICATA`);
          }
          await ctx.originals.mark(saleId, 'printing');
          const receipt = buildReceipt(sale, ctx.profile, { width: ctx.printer.columns, cashierName: cashierName(sale.payload.staffId) });
          // The drawer opens with a cash sale's receipt, so the change is given while it prints.
          const outcome = await ctx.printer.print(receipt, { openDrawer: sale.payload.tenders.some((t) => t.method === 'cash') });
          await ctx.originals.mark(saleId, originalStateAfter(outcome));
          return outcome;
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
            duplicate: reprintNumber,
          });
          return { reprintNumber, event: event as SealedRecord<'duplicate'>, outcome: await ctx.printer.print(receipt) };
        }),
    },
  };
}
