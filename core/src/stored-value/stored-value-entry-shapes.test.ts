import { describe, expect, it } from 'vitest';
import { storedValueBalance } from './stored-value-balance';
import { storedValueEntryProblems } from './stored-value-entry-shapes';
import {
  cancelCard,
  issueCard,
  offlineRedeemStoredValue,
  refundToCard,
  releaseStoredValue,
  reloadCard,
  reserveStoredValue,
} from './stored-value-operations';

const at = '2026-03-01T12:00:00.000Z';

describe('storedValueEntryProblems', () => {
  it('accepts every entry the operations make', () => {
    const issue = issueCard(storedValueBalance([], at), {
      cardId: 'gc-1',
      cardKind: 'gift_card',
      currency: 'EUR',
      amount: 5000,
      at,
      saleId: 's1',
      expiresAt: '2027-03-01T12:00:00.000Z',
    });
    const card = storedValueBalance([issue], at);
    const entries = [
      issue,
      reloadCard(card, { cardId: 'gc-1', amount: 100, at, saleId: 's2' }),
      reserveStoredValue(card, 100, { id: 'res-1', cardId: 'gc-1', at, until: at }),
      releaseStoredValue('gc-1', 'res-1', at),
      offlineRedeemStoredValue(100, { cardId: 'gc-1', saleId: 's3', tenderId: 't1', at }, { cap: 1000, alreadyOfflineToday: 0 }),
      refundToCard(card, { cardId: 'gc-1', amount: 100, at, returnId: 'r1', saleId: 's3' }, { paidWithCard: 100, refundedBefore: 0 }),
      { kind: 'expire', id: 'expire:gc-1', at, cardId: 'gc-1' },
      cancelCard(card, { cardId: 'gc-1', at, reason: 'lost', staffId: 'st-1' }),
    ];
    for (const entry of entries) expect(storedValueEntryProblems(entry)).toEqual([]);
  });

  it('refuses unknown fields (a card code rides nowhere), negative amounts, an offline flag other than true', () => {
    const redeem = { kind: 'redeem', id: 'redeem:s1:t1', at, cardId: 'gc-1', amount: 100, saleId: 's1', tenderId: 't1' };
    expect(storedValueEntryProblems({ ...redeem, code: '7KQ2-M9XD-4HTR-PZ3W-8NCA' })).toEqual(['entry.code is not a known field']);
    expect(storedValueEntryProblems({ ...redeem, amount: -1 })).toEqual(['entry.amount must be a whole number from 1 to 1000000000']);
    expect(storedValueEntryProblems({ ...redeem, offline: false })).toEqual(['entry.offline must be true (or absent)']);
  });
});
