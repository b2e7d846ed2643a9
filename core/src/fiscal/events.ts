import type { SalePayload } from '../sale/sale';

/**
 * Technical events of the till (the "JET" of NF525): sealed on their own chain so receipt numbers
 * stay gap-free on the sale chain.
 */
export type EventPayload =
  | { readonly type: 'till.start'; readonly appVersion: string }
  | { readonly type: 'session.sign-in'; readonly staffId: string }
  | { readonly type: 'session.sign-out'; readonly staffId: string }
  | {
      readonly type: 'sale.void';
      readonly saleId: string;
      readonly staffId: string;
      readonly lineCount: number;
      readonly total: number;
      readonly currency: string;
      readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly amount: number }[];
    }
  | {
      readonly type: 'receipt.reprint';
      readonly saleId: string;
      readonly receiptSeq: number;
      readonly reprintNumber: number;
      readonly staffId: string;
    }
  | { readonly type: 'journal.repaired'; readonly segment: string; readonly droppedBytes: number };

export type FiscalChain = 'sale' | 'event';

export type RecordPayload = SalePayload | EventPayload;

export type PayloadOf<C extends FiscalChain> = C extends 'sale' ? SalePayload : EventPayload;
