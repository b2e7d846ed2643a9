import { buildSale, emptyCart } from '@pos/core';
import { demoStoreProfile } from '@pos/core/demo/demo-store';
import { cashTender } from '@pos/core/payment/payment-state';
import { demoSaleContext } from '@pos/core/test-support/sample-sale';
import { describe, expect, it } from 'vitest';
import { saleFacts } from './sale-facts';
import { splitVouchers } from './voucher-figures';

const store = demoStoreProfile();
const figures = (key: string, netIncl: number) => ({
  key,
  tickets: 1,
  returns: 0,
  netIncl,
  netExcl: netIncl,
  returnsIncl: 0,
  discounts: 0,
  items: 0,
});

describe('gift cards in the reports, apart from revenue', () => {
  it('a sale that only sells a card has no revenue; its card rides beside the tenders under a voucher key', () => {
    const cart = {
      ...emptyCart('gc-1', 'EUR', '2026-11-22T09:00:00.000Z'),
      vouchers: [{ lineId: 'v1', cardKind: 'gift_card' as const, operation: 'issue' as const, amount: 5_000 }],
    };
    const sale = buildSale(cart, [cashTender('c', 5_000, [], 5_000, store.cashRounding)], demoSaleContext({}, store));
    const facts = saleFacts('gc-1', sale.tillId, sale, { timeZone: 'Europe/Paris', dayStartHour: 0 }, { epoch: 1, seq: 1 })!;
    expect(facts.sale).toMatchObject({ total_incl: 0, total_excl: 0, tenders: { cash: 5_000, 'voucher:gift_card': 5_000 } });
    expect(facts.lines).toEqual([]);
  });

  it('the dashboard takes the voucher rows out of the tenders: sold against redeemed', () => {
    const { tenders, vouchers } = splitVouchers([
      figures('card', 9_000),
      figures('cash', 5_000),
      figures('gift_card', 2_000),
      figures('voucher:gift_card', 5_000),
      figures('voucher:store_credit', -700),
    ]);
    expect(tenders.map((t) => t.key)).toEqual(['card', 'cash', 'gift_card']);
    expect(vouchers).toEqual({ giftCardsSold: 5_000, giftCardsRedeemed: 2_000, storeCreditIssued: 700, storeCreditRedeemed: 0 });
  });
});
