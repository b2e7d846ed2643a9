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
  | { readonly type: 'journal.repaired'; readonly segment: string; readonly droppedBytes: number }
  /** "No sale": the drawer opened outside a sale, by whom and who approved it. */
  | { readonly type: 'drawer.open'; readonly staffId: string; readonly approvedBy: string; readonly reason: string }
  /** The card terminal answered late, twice, or offline beyond the caps (amount in minor units; no card data). */
  | {
      readonly type: 'terminal.alert';
      readonly kind: string;
      readonly attemptKey: string;
      readonly status: string;
      readonly amount: number;
    }
  /** The Devices screen changed the till's devices (which sections). */
  | { readonly type: 'devices.configure'; readonly staffId: string; readonly sections: readonly string[] };

export type FiscalChain = 'sale' | 'event';

export type RecordPayload = SalePayload | EventPayload;

export type PayloadOf<C extends FiscalChain> = C extends 'sale' ? SalePayload : EventPayload;
