import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  chainHash,
  demoStoreProfile,
  emptyCart,
  GENESIS_HASH,
  RECORD_FORMAT,
  rotationMessage,
  saleDocFromRecord,
  tillRecordDocFromRecord,
  type ChainHeads,
  type EventPayload,
  type FiscalChain,
  type PayloadOf,
  type Product,
  type SaleContext,
  type SaleDoc,
  type SalePayload,
  type SealedFields,
  type SealedRecord,
} from '@pos/core';
import { nodeFiscalCrypto } from '../fiscal/node-fiscal-crypto';
import type { TestTillKey } from './till-keys';

/** A line of a test sale: a product of its own (priced 1.00 € a piece, or a kilo), as many pieces or grams. */
export type SaleLineSpec = {
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly measure?: Product['measure'];
};

/**
 * A sale as the till builds it (core's cart, totals and tender), paid exactly in cash, with the
 * demo store's rules (those of a store whose settings the hub does not hold). Consecutive lines
 * of one product sold by the piece merge into one, as on the till.
 */
export function saleWithLines(
  till: { readonly storeId: string; readonly tillId: string },
  saleId: string,
  lines: readonly SaleLineSpec[],
  completedAt = '2026-11-22T09:01:00.000Z',
  extra: Pick<SaleContext, 'returnOf' | 'training'> = {},
): SalePayload {
  const profile = demoStoreProfile(till.storeId, till.tillId);
  let cart = emptyCart(saleId, 'EUR', '2026-11-22T09:00:00.000Z');
  for (const line of lines) {
    const product: Product = {
      id: line.productId,
      sku: line.productId.toUpperCase(),
      name: line.productId,
      barcodes: [],
      words: [],
      price: 100,
      currency: 'EUR',
      vatRateId: 'FR-5.5',
      measure: line.measure ?? 'unit',
      category: '',
    };
    cart = addProduct(cart, product, { lineId: line.lineId, quantity: line.quantity });
  }
  const total = cartTotals(cart, profile.vatRates).total;
  return buildSale(cart, [cashTender('cash-1', total, [], total, profile.cashRounding)], {
    storeId: till.storeId,
    tillId: till.tillId,
    staffId: 'staff-camille',
    completedAt,
    vatRates: profile.vatRates,
    cashRounding: profile.cashRounding,
    timeZone: profile.timeZone,
    ...extra,
  });
}

/**
 * A till's three chains as tests seal them, the way the till host does: format 1, each chain's
 * next sequence linked to its head (core's chainHash), signed with the till's key (the one it
 * enrolled with). Tests then push the records, or doctor them first.
 */
export class TestChains {
  private readonly chainHeads: { [C in FiscalChain]?: { seq: number; hash: string } } = {};
  private clock = Date.parse('2026-11-22T09:00:00.000Z');
  private starts = 0;

  constructor(
    readonly storeId: string,
    readonly tillId: string,
    public key: TestTillKey,
  ) {}

  /** Every chain's head, as a `till.start` anchors them. */
  heads(): ChainHeads {
    return { ...this.chainHeads };
  }

  seal<C extends FiscalChain>(chain: C, id: string, payload: PayloadOf<C>): SealedRecord<C> {
    const head = this.chainHeads[chain] ?? { seq: 0, hash: GENESIS_HASH };
    this.clock += 1000;
    const fields: SealedFields<C> = {
      v: RECORD_FORMAT,
      chain,
      id,
      seq: head.seq + 1,
      storeId: this.storeId,
      tillId: this.tillId,
      sealedAt: new Date(this.clock).toISOString(),
      keyId: this.key.keyId,
      payload,
    };
    const hash = chainHash(head.hash, fields, nodeFiscalCrypto);
    this.chainHeads[chain] = { seq: fields.seq, hash };
    return { ...fields, prevHash: head.hash, hash, signature: this.key.sign(Buffer.from(hash, 'hex')) };
  }

  /** A sale of these lines (by default one piece of one product); a return or a training sale with `extra`. */
  sale(
    saleId: string,
    lines: readonly SaleLineSpec[] = [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }],
    extra: Pick<SaleContext, 'returnOf' | 'training'> = {},
  ): SealedRecord<'sale'> {
    return this.seal('sale', saleId, saleWithLines(this, saleId, lines, undefined, extra));
  }

  event(id: string, payload: EventPayload): SealedRecord<'event'> {
    return this.seal('event', id, payload);
  }

  /** A start of the till host: anchors every chain's head. */
  start(): SealedRecord<'event'> {
    this.starts += 1;
    return this.event(`start-${this.tillId}-${this.starts}`, {
      type: 'till.start',
      appVersion: '1.0.0-test',
      publicKey: this.key.publicKey,
      heads: this.heads(),
    });
  }

  /** `key.rotate`, sealed and endorsed by the current key; the next records are signed by `next`. */
  rotate(next: TestTillKey): SealedRecord<'event'> {
    const previous = this.key;
    const record = this.event(`key-rotate-${next.keyId}`, {
      type: 'key.rotate',
      previousKeyId: previous.keyId,
      publicKey: next.publicKey,
      keyId: next.keyId,
      endorsement: previous.sign(rotationMessage(previous.publicKey, next.publicKey)),
    });
    this.key = next;
    return record;
  }

  /** The journal as if lost: every chain starts again at 1 (the key is kept, as a till keeps it). */
  loseJournal(): void {
    for (const chain of Object.keys(this.chainHeads) as FiscalChain[]) delete this.chainHeads[chain];
  }

  /** A chain's head moved back, as if the records after it had been cut from the journal. */
  dropTail(record: SealedRecord): void {
    this.chainHeads[record.chain] = { seq: record.seq, hash: record.hash };
  }
}

/** The document a till stores and pushes for a sealed sale. */
export function saleDocOf(record: SealedRecord<'sale'>): SaleDoc & { readonly _deleted: false } {
  return { ...saleDocFromRecord(record), _deleted: false };
}

/** The document a till stores and pushes for a sealed record: a sale, or a till record. */
export function recordDoc(record: SealedRecord): Record<string, unknown> {
  return record.chain === 'sale'
    ? saleDocOf(record as SealedRecord<'sale'>)
    : { ...tillRecordDocFromRecord(record as SealedRecord<'event'>), _deleted: false };
}

/** Push rows of the records of one collection (sales, or till records). */
export function pushRows(records: readonly SealedRecord[]): { newDocumentState: Record<string, unknown> }[] {
  return records.map((record) => ({ newDocumentState: recordDoc(record) }));
}
