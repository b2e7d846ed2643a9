import {
  parseCardCode,
  PosError,
  type IssuedVoucher,
  type SalePayload,
  type SealedRecord,
  type VoucherCardView,
  type VoucherIssueResult,
} from '@pos/core';
import type { HostContext } from '../host-context';
import type { VoucherAnswer, VoucherOutbox, VoucherRequest } from '../vouchers/voucher-outbox';
import { noRequest, type HandlerGroup } from './handler-registry';
import { ONLINE_TIMEOUT_MS } from './customer-handlers';
import { ID_PATTERN, invalid, record, text } from './request-guards';

/** Making or loading a card after the seal may wait a little longer than a question at the counter. */
const ISSUE_TIMEOUT_MS = 8000;

/** Masked codes of the cards this host looked up (a reload's answer has none): kept in memory, never the codes. */
export type MaskedCodes = Map<string, string>;

function enrolled(ctx: HostContext): void {
  if (!ctx.hub.enrolled) throw new PosError('NOT_ENROLLED', 'This till is not enrolled with a hub: it cannot sell gift cards');
}

/** The hub's routes for one voucher line of a sealed sale (idempotent there by sale and line). */
export function sendVoucher(ctx: HostContext, masked: MaskedCodes) {
  return async (request: VoucherRequest): Promise<VoucherAnswer> => {
    enrolled(ctx);
    const { saleId, lineId, amount, currency } = request;
    if (request.operation === 'reload') {
      const cardId = request.cardId!;
      const answer = await ctx.hub.send<{ cardId: string; available: number }>(
        'POST',
        `/api/v1/till/gift-cards/${encodeURIComponent(cardId)}/reloads`,
        { saleId, amount },
        ISSUE_TIMEOUT_MS,
      );
      return { cardId: answer.cardId, maskedCode: masked.get(cardId) ?? '', available: answer.available };
    }
    const [pathname, body] =
      request.cardKind === 'store_credit'
        ? ['/api/v1/till/store-credits', { customerId: request.customerId, returnId: saleId, amount, currency }]
        : ['/api/v1/till/gift-cards', { saleId, lineId, amount, currency }];
    return ctx.hub.send<VoucherAnswer>('POST', pathname, body, ISSUE_TIMEOUT_MS);
  };
}

/** The code as typed or scanned: checked by core (its check character) before the hub is asked; refused with the ledger's code. */
function cardCode(raw: unknown): string {
  const parsed = parseCardCode(text(record(raw, 'vouchers.lookup request'), 'code', { max: 64 }));
  if (!parsed.ok) throw new PosError('INVALID_REQUEST', `Not a card code (${parsed.code})`, { hubCode: parsed.code });
  return parsed.code;
}

/** A sealed sale's record on the sale chain of this till, or NOT_FOUND. */
async function sealedSale(ctx: HostContext, saleId: string): Promise<SalePayload> {
  const found = await ctx.journal.get(saleId);
  if (!found || found.chain !== 'sale')
    throw new PosError('NOT_FOUND', `No sealed sale ${saleId} on this till`, { reason: 'sale-not-found' });
  return (found as SealedRecord<'sale'>).payload;
}

/**
 * The cards of a sealed sale for its receipt: the outbox runs first (bounded by the hub's timeout)
 * so a card made now prints its code; the original takes the code (printed once), a DUPLICATA
 * never prints it.
 */
export function voucherReceipt(outbox: VoucherOutbox) {
  return async (sale: SalePayload, original: boolean): Promise<readonly IssuedVoucher[]> => {
    await outbox.run().catch(() => undefined);
    const { cards } = outbox.resultOf(sale, { takeCodes: original });
    return original ? cards : cards.map(({ code: _code, ...card }) => card);
  };
}

/**
 * Selling and reloading gift cards, giving store credit: online only before the sale (the hub
 * makes the code), the cards made after the seal from the journal (VoucherOutbox).
 */
export function voucherHandlers(ctx: HostContext, outbox: VoucherOutbox, masked: MaskedCodes): HandlerGroup {
  return {
    'vouchers.ready': {
      parse: noRequest,
      run: async () => {
        ctx.session.require();
        enrolled(ctx);
        if (!ctx.hub.status().online) throw new PosError('HUB_UNREACHABLE', 'The hub cannot be reached: gift cards are sold online only');
        return { online: true as const };
      },
    },
    'vouchers.lookup': {
      parse: (raw) => ({ code: cardCode(raw) }),
      run: async ({ code }): Promise<VoucherCardView> => {
        ctx.session.require();
        enrolled(ctx);
        const card = await ctx.hub.send<VoucherCardView>('POST', '/api/v1/till/cards/lookup', { code }, ONLINE_TIMEOUT_MS);
        if (masked.size > 1000) masked.clear();
        masked.set(card.cardId, card.maskedCode);
        return card;
      },
    },
    'vouchers.issue': {
      parse: (raw) => {
        const saleId = text(record(raw, 'vouchers.issue request'), 'saleId', { max: 64, pattern: ID_PATTERN });
        if (!saleId) throw invalid('saleId must not be blank');
        return { saleId };
      },
      run: async ({ saleId }): Promise<VoucherIssueResult> => {
        ctx.session.require();
        const sale = await sealedSale(ctx, saleId);
        await outbox.run().catch(() => undefined);
        return outbox.resultOf(sale, { takeCodes: false });
      },
    },
  };
}
