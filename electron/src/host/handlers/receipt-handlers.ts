import { buildReceipt, PosError, type SealedRecord } from '@pos/core';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, record, text } from './request-guards';

/**
 * Receipts are built by the host from the sealed record in its journal, so what prints is what
 * was sealed. A reprint is sealed as a technical event first, then printed as a DUPLICATA.
 */
export function receiptHandlers(ctx: HostContext): HandlerGroup {
  let reprints: Promise<unknown> = Promise.resolve();

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
      run: async ({ saleId }) => {
        ctx.session.require();
        const sale = await saleRecord(saleId);
        const receipt = buildReceipt(sale, ctx.profile, { width: ctx.printer.columns, cashierName: cashierName(sale.payload.staffId) });
        // The drawer opens with a cash sale's receipt, so the change is given while it prints.
        return ctx.printer.print(receipt, { openDrawer: sale.payload.tenders.some((t) => t.method === 'cash') });
      },
    },
    'receipt.reprint': {
      parse,
      run: ({ saleId }) => {
        // One reprint at a time, so two quick clicks get numbers 1 and 2, not 1 twice.
        const next = reprints.then(async () => {
          const staff = ctx.session.require();
          const sale = await saleRecord(saleId);
          const reprintNumber = ctx.journal.reprintCount(saleId) + 1;
          const event = await ctx.sealer.seal({
            chain: 'event',
            id: `reprint-${saleId}-${reprintNumber}`,
            payload: { type: 'receipt.reprint', saleId, receiptSeq: sale.seq, reprintNumber, staffId: staff.id },
          });
          const receipt = buildReceipt(sale, ctx.profile, {
            width: ctx.printer.columns,
            cashierName: cashierName(sale.payload.staffId),
            duplicate: reprintNumber,
          });
          return { reprintNumber, event: event as SealedRecord<'event'>, outcome: await ctx.printer.print(receipt) };
        });
        reprints = next.catch(() => undefined);
        return next;
      },
    },
  };
}
