import {
  isSaleV1,
  parseReceiptRef,
  PosError,
  saleKind,
  saleReceiptNumber,
  type CardResult,
  type RefundRequest,
  type SaleLookup,
  type SealedRecord,
} from '@pos/core';

type FakeReturnOptions = {
  readonly sealed: ReadonlyMap<string, SealedRecord>;
  readonly storeId: string;
  readonly tillId: string;
};

export type FakeReturnHost = {
  /** The fake host's methods of returns, for the fake bridge's defaults. */
  readonly handlers: {
    readonly 'sale.lookup': (request: { code: string }) => SaleLookup;
    readonly 'terminal.refund': (request: RefundRequest) => CardResult;
  };
  /** What the terminal answers to the next refunds (default approved). */
  refundOutcome: CardResult['status'];
};

const notFound = (reason: string, values: Record<string, unknown> = {}) =>
  new PosError('SALE_NOT_FOUND', `Not found: ${reason}`, { reason, ...values } as never);

/**
 * The host's returns as the page sees them (electron/src/host/returns is the real one): a receipt
 * code or QR code finds a sealed sale of this fake till, with what sealed returns took of it.
 */
export function createFakeReturnHost(options: FakeReturnOptions): FakeReturnHost {
  const sales = () => [...options.sealed.values()].filter((r): r is SealedRecord<'sale'> => r.chain === 'sale');
  const host: FakeReturnHost = {
    refundOutcome: 'approved',
    handlers: {
      'sale.lookup': ({ code }) => {
        const ref = parseReceiptRef(code);
        if (!ref) throw notFound('receipt-unreadable');
        if (ref.kind === 'training') throw notFound('is-training');
        if (ref.storeId && ref.storeId !== options.storeId) throw notFound('other-store', { store: ref.storeId });
        if (ref.kind === 'receipt' && ref.tillId !== options.tillId)
          throw notFound('other-till', { store: ref.storeId ?? options.storeId, till: ref.tillId });
        const record = sales().find((r) => (ref.kind === 'receipt' ? r.seq === ref.seq : r.id === ref.saleId));
        if (!record) throw notFound('sale-not-found');
        if (saleKind(record.payload) === 'return') throw notFound('is-return');
        const returned = new Map<string, number>();
        for (const r of sales()) {
          const sale = r.payload;
          if (!isSaleV1(sale) || sale.returnOf?.saleId !== record.id) continue;
          for (const line of sale.returnOf.lines) returned.set(line.lineId, (returned.get(line.lineId) ?? 0) + line.quantity);
        }
        return { record, receipt: saleReceiptNumber(record), returned: [...returned].map(([lineId, quantity]) => ({ lineId, quantity })) };
      },
      'terminal.refund': ({ attemptKey, amount }) => ({
        attemptKey,
        amount,
        status: host.refundOutcome,
        ...(host.refundOutcome === 'approved' ? { authorizationCode: 'R1', maskedPan: '**** 4242', scheme: 'CB' } : {}),
      }),
    },
  };
  return host;
}
