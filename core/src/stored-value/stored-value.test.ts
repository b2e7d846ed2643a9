import { describe, expect, it } from 'vitest';
import { LedgerRefusal } from '../ledger/ledger-refusal';
import { storedValueBalance } from './stored-value-balance';
import type { StoredValueEntry } from './stored-value-entries';
import {
  cancelCard,
  issueCard,
  offlineRedeemStoredValue,
  redeemStoredValue,
  refundToCard,
  releaseStoredValue,
  reloadCard,
  reserveStoredValue,
  storedValueOverdrafts,
} from './stored-value-operations';

const t = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString();
const NOW = t(500);
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof LedgerRefusal) return error.code;
    throw error;
  }
  return 'not refused';
};

/** A 50 € gift card sold at minute 0. */
const sold = { cardId: 'gc-1', cardKind: 'gift_card', currency: 'EUR', amount: 5_000, at: t(0), saleId: 's1' } as const;
const issued = issueCard(storedValueBalance([], NOW), sold);
const card = (more: readonly StoredValueEntry[] = [], now = NOW) => storedValueBalance([issued, ...more], now);

describe('stored value ledger', () => {
  it('issues a card once, with an id from the card', () => {
    expect(issued).toEqual({ kind: 'issue', id: 'issue:gc-1', ...sold });
    expect(card()).toMatchObject({ status: 'active', available: 5_000, loaded: 5_000, cardKind: 'gift_card', currency: 'EUR' });
    expect(storedValueBalance([], NOW)).toMatchObject({ status: 'not_issued', available: 0 });
  });

  it('spends part of the card and leaves the rest, then refuses more than is left', () => {
    const first = redeemStoredValue(card(), 1_999, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) });
    expect(first).toMatchObject({ kind: 'redeem', id: 'redeem:s2:t1', amount: 1_999 });
    const after = card([first]);
    expect(after).toMatchObject({ available: 3_001, redeemed: 1_999 });
    expect(refusal(() => redeemStoredValue(after, 3_002, { cardId: 'gc-1', saleId: 's3', tenderId: 't1', at: t(2) }))).toBe(
      'insufficient_balance',
    );
    expect(redeemStoredValue(after, 3_001, { cardId: 'gc-1', saleId: 's3', tenderId: 't1', at: t(2) }).amount).toBe(3_001);
  });

  it('reloads an issued card, with each amount keeping its own validity; the one expiring first is spent first', () => {
    const expiring = { ...issued, expiresAt: t(100) };
    const reload = reloadCard(card(), { cardId: 'gc-1', amount: 2_000, at: t(10), saleId: 's5', expiresAt: t(1000) });
    expect(reload.id).toBe('reload:s5:gc-1');
    const spend = redeemStoredValue(card([reload]), 1_000, { cardId: 'gc-1', saleId: 's6', tenderId: 't1', at: t(20) });
    const entries = [expiring, reload, spend];
    expect(storedValueBalance(entries, t(99))).toMatchObject({
      available: 6_000,
      expiring: [
        { expiresAt: t(100), amount: 4_000 },
        { expiresAt: t(1000), amount: 2_000 },
      ],
    });
    expect(storedValueBalance(entries, t(100))).toMatchObject({ available: 2_000, expired: 4_000 });
    expect(storedValueBalance([...entries, { kind: 'expire', id: 'expire:all', cardId: 'gc-1', at: t(200) }], NOW)).toMatchObject({
      available: 0,
      expired: 6_000,
    });
  });

  it('reserves for a sale under way: the sale consumes it, an abandoned one releases it', () => {
    const reserve = reserveStoredValue(card(), 3_000, { id: 'res-1', cardId: 'gc-1', at: t(1), until: t(16) });
    expect(card([reserve], t(2))).toMatchObject({ available: 2_000, reserved: 3_000 });
    expect(refusal(() => reserveStoredValue(card([reserve], t(2)), 2_001, { id: 'res-2', cardId: 'gc-1', at: t(2), until: t(17) }))).toBe(
      'insufficient_balance',
    );
    const spend = redeemStoredValue(card([reserve], t(2)), 2_500, {
      cardId: 'gc-1',
      saleId: 's2',
      tenderId: 't1',
      at: t(3),
      reservationId: 'res-1',
    });
    expect(card([reserve, spend], t(4))).toMatchObject({ available: 2_500, reserved: 0, redeemed: 2_500 });
    expect(card([reserve, releaseStoredValue('gc-1', 'res-1', t(3))], t(4))).toMatchObject({ available: 5_000, reserved: 0 });
    expect(card([reserve], t(16))).toMatchObject({ available: 5_000, reserved: 0 });
  });

  it('cancels a card: what it held is void, nothing more is loaded or spent', () => {
    const cancelled = card([cancelCard(card(), { cardId: 'gc-1', at: t(5), reason: 'lost, replaced by gc-2', staffId: 'st-1' })]);
    expect(cancelled).toMatchObject({ status: 'cancelled', available: 0, voided: 5_000 });
    expect(refusal(() => redeemStoredValue(cancelled, 1, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(6) }))).toBe(
      'card_cancelled',
    );
    expect(refusal(() => reloadCard(cancelled, { cardId: 'gc-1', amount: 1, at: t(6), saleId: 's3' }))).toBe('card_cancelled');
    expect(refusal(() => reloadCard(storedValueBalance([], NOW), { cardId: 'gc-9', amount: 1, at: t(6), saleId: 's3' }))).toBe(
      'card_not_issued',
    );
  });

  it('issues store credit on a return, to a customer, and adds to it on the next', () => {
    const none = storedValueBalance([], NOW);
    const credit = issueCard(none, {
      cardId: 'sc-1',
      cardKind: 'store_credit',
      currency: 'EUR',
      amount: 2_500,
      at: t(0),
      returnId: 'ret-1',
      customerId: 'cus-1',
    });
    const more = reloadCard(storedValueBalance([credit], NOW), { cardId: 'sc-1', amount: 500, at: t(1), returnId: 'ret-2' });
    expect(more.id).toBe('reload:ret-2:sc-1');
    expect(storedValueBalance([credit, more], NOW)).toMatchObject({ cardKind: 'store_credit', available: 3_000 });
  });

  it('refuses amounts that are not positive whole numbers', () => {
    expect(refusal(() => redeemStoredValue(card(), 0, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) }))).toBe('invalid_amount');
    expect(refusal(() => redeemStoredValue(card(), 10.5, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) }))).toBe(
      'invalid_amount',
    );
    expect(refusal(() => issueCard(storedValueBalance([], NOW), { ...issued, amount: -5 }))).toBe('invalid_amount');
  });
});

/** The gift card and eWallet failure cases of OMNICHANNEL.md (B.3, table row 6), each as it would happen. */
describe('gift card failure cases', () => {
  it('the same card redeemed twice: a repeated spend counts once, a second spend beyond the balance is refused (ODOO-79235)', () => {
    const spend = redeemStoredValue(card(), 5_000, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) });
    expect(card([spend, spend, spend])).toMatchObject({ available: 0, redeemed: 5_000, overdraft: 0 });
    expect(refusal(() => redeemStoredValue(card([spend]), 1, { cardId: 'gc-1', saleId: 's3', tenderId: 't1', at: t(2) }))).toBe(
      'insufficient_balance',
    );
  });

  it('a card at zero is not accepted to pay, also not in a refund’s settlement (ODOO-135393)', () => {
    const spent = card([redeemStoredValue(card(), 5_000, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) })]);
    expect(refusal(() => redeemStoredValue(spent, 100, { cardId: 'gc-1', saleId: 'ret-1', tenderId: 't1', at: t(2) }))).toBe(
      'insufficient_balance',
    );
  });

  it('a card counted on the web order and again at the till settlement spends once; the balance never goes negative (ODOO-140275)', () => {
    const reserve = reserveStoredValue(card(), 4_000, { id: 'res-web', cardId: 'gc-1', at: t(1), until: t(60) });
    const settled = redeemStoredValue(card([reserve], t(2)), 4_000, {
      cardId: 'gc-1',
      saleId: 'web-1',
      tenderId: 't1',
      at: t(3),
      reservationId: 'res-web',
    });
    const after = card([reserve, settled], t(4));
    expect(
      refusal(() =>
        redeemStoredValue(after, 4_000, { cardId: 'gc-1', saleId: 'till-9', tenderId: 't1', at: t(5), reservationId: 'res-web' }),
      ),
    ).toBe('reservation_not_open');
    // Even if both were written (a bug elsewhere), the card shows an overdraft, never a negative balance.
    const twice = { ...settled, id: 'redeem:till-9:t1', saleId: 'till-9' };
    expect(card([reserve, settled, twice], t(6))).toMatchObject({ available: 0, overdraft: 3_000 });
  });

  it('refunding an order paid by card puts the money back on it once, never more than it paid (ODOO-134944)', () => {
    const spend = redeemStoredValue(card(), 3_000, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) });
    const refund = refundToCard(
      card([spend]),
      { cardId: 'gc-1', amount: 3_000, at: t(2), returnId: 'ret-1', saleId: 's2' },
      { paidWithCard: 3_000, refundedBefore: 0 },
    );
    expect(refund.id).toBe('refund:ret-1:gc-1');
    expect(card([spend, refund, refund])).toMatchObject({ available: 5_000, refunded: 3_000, redeemed: 3_000 });
    expect(
      refusal(() =>
        refundToCard(
          card([spend, refund]),
          { cardId: 'gc-1', amount: 1, at: t(3), returnId: 'ret-2', saleId: 's2' },
          { paidWithCard: 3_000, refundedBefore: 3_000 },
        ),
      ),
    ).toBe('invalid_amount');
  });

  it('the same physical card sold twice is refused; pushed twice it is one issue (ODOO-82951)', () => {
    expect(
      refusal(() => issueCard(card(), { cardId: 'gc-1', cardKind: 'gift_card', currency: 'EUR', amount: 5_000, at: t(9), saleId: 's9' })),
    ).toBe('card_already_issued');
    expect(storedValueBalance([issued, issued], NOW)).toMatchObject({ loaded: 5_000, conflicts: [] });
    const other = { ...issued, amount: 2_000, saleId: 's9' };
    const both = storedValueBalance([issued, other], NOW);
    expect(both.conflicts).toEqual(['issue:gc-1']);
    expect(storedValueBalance([other, issued], NOW)).toEqual(both);
  });

  it('two open orders reserve the same card; only the one paid is debited (ODOO-205057)', () => {
    const a = reserveStoredValue(card(), 2_000, { id: 'res-a', cardId: 'gc-1', at: t(1), until: t(30) });
    const b = reserveStoredValue(card([a], t(2)), 2_000, { id: 'res-b', cardId: 'gc-1', at: t(2), until: t(30) });
    const paid = redeemStoredValue(card([a, b], t(3)), 2_000, {
      cardId: 'gc-1',
      saleId: 's-a',
      tenderId: 't1',
      at: t(4),
      reservationId: 'res-a',
    });
    const abandoned = releaseStoredValue('gc-1', 'res-b', t(5));
    expect(card([a, b, paid, abandoned], t(6))).toMatchObject({ available: 3_000, reserved: 0, redeemed: 2_000 });
  });

  it('a card spent offline is deducted when the sale arrives, and an overdraft is reported (ODOO-108240, SQ-OFFLINE)', () => {
    expect(
      refusal(() =>
        offlineRedeemStoredValue(1_000, { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) }, { cap: 0, alreadyOfflineToday: 0 }),
      ),
    ).toBe('offline_redeem_disabled');
    const online = redeemStoredValue(card(), 4_500, { cardId: 'gc-1', saleId: 's3', tenderId: 't1', at: t(2) });
    const offline = offlineRedeemStoredValue(
      2_000,
      { cardId: 'gc-1', saleId: 's2', tenderId: 't1', at: t(1) },
      { cap: 3_000, alreadyOfflineToday: 0 },
    );
    const entries = [issued, offline, online];
    const balance = storedValueBalance(entries, NOW);
    expect(balance).toMatchObject({ available: 0, redeemed: 6_500, overdraft: 1_500 });
    // The offline spend came first: the online one, checked before the offline sale arrived, is found short.
    expect(storedValueOverdrafts(balance, entries)).toEqual([
      { entryId: 'redeem:s3:t1', saleId: 's3', amount: 4_500, short: 1_500, offline: false },
    ]);
    const late = { ...offline, at: t(3) };
    expect(storedValueOverdrafts(storedValueBalance([issued, online, late], NOW), [issued, online, late])).toEqual([
      { entryId: 'redeem:s2:t1', saleId: 's2', amount: 2_000, short: 1_500, offline: true },
    ]);
  });
});
