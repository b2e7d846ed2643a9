import { parseReceiptRef, PosError, saleKind, saleReceiptNumber, type ErrorDetails, type SaleLookup, type SealedRecord } from '@pos/core';
import type { JournalStore } from '../fiscal/journal-store';
import type { SealedIndex } from '../fiscal/sealed-index';

/** What the lookup needs of the host: this till's store and id, its journal, what returns took already. */
export type SaleLookupContext = {
  readonly storeId: string;
  readonly tillId: string;
  readonly journal: Pick<JournalStore, 'get' | 'read'>;
  readonly index: Pick<SealedIndex, 'returnedOf'>;
};

const notFound = (message: string, details: ErrorDetails) => new PosError('SALE_NOT_FOUND', message, details);
const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * The sale of this store a receipt code or a receipt's QR code names, from this till's journal,
 * with what earlier returns took of each of its lines. Offline a till holds only its own sales: a
 * code of another till is refused as `other-till` (a later issue asks the hub for it).
 */
export async function lookUpSale(ctx: SaleLookupContext, code: string): Promise<SaleLookup> {
  const ref = parseReceiptRef(code);
  if (!ref) throw notFound('Neither a receipt code nor a receipt QR code', { reason: 'receipt-unreadable' });
  if (ref.storeId !== undefined && !same(ref.storeId, ctx.storeId)) {
    throw notFound(`A receipt of store ${ref.storeId}, not ${ctx.storeId}`, { reason: 'other-store', store: ref.storeId });
  }
  if (ref.kind === 'training') throw notFound(`${code.trim()} is a training ticket`, { reason: 'is-training' });
  let found: SealedRecord | null;
  if (ref.kind === 'receipt') {
    if (!same(ref.tillId, ctx.tillId)) {
      const store = ref.storeId ?? ctx.storeId;
      throw notFound(`Receipt of till ${ref.tillId}: this till holds only its own sales`, {
        reason: 'other-till',
        store,
        till: ref.tillId,
      });
    }
    // The sale chain is gap-free from 1: the record after seq - 1 is the one numbered seq, if sealed yet.
    const [record] = await ctx.journal.read('sale', ref.seq - 1, 1);
    found = record?.seq === ref.seq ? record : null;
  } else {
    found = await ctx.journal.get(ref.saleId);
  }
  if (!found || found.chain !== 'sale') throw notFound('This till sealed no such sale', { reason: 'sale-not-found' });
  const record = found as SealedRecord<'sale'>;
  const sale = record.payload;
  if (sale.storeId !== ctx.storeId) {
    throw notFound(`Sale of store ${sale.storeId}, not ${ctx.storeId}`, { reason: 'other-store', store: sale.storeId });
  }
  if (saleKind(sale) === 'return') throw notFound(`${record.id} is a return`, { reason: 'is-return' });
  const returned = [...ctx.index.returnedOf(record.id)].map(([lineId, quantity]) => ({ lineId, quantity }));
  return { record, receipt: saleReceiptNumber(record), returned };
}
