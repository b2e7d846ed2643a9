import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  returnCart,
  saleReceiptNumber,
  type Cart,
  type SaleContext,
  type SalePayloadV1,
  type SaleVoucher,
  type SealedRecord,
  type VoucherCardView,
  type VoucherIssueResult,
} from '@pos/core';
import { saleDocFromRecord } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboard } from '../../sync-server/src/reporting/dashboard-queries';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { eventually, startTillPeer, type TillPeer } from './till-peer';

const store = demoStoreProfile('S001', 'T01');
let made = 0;

/** A sale paid in cash for its goods and its vouchers, built with core as the till builds it. */
function paid(cart: Cart, extra: Partial<SaleContext> = {}): SalePayloadV1 {
  const goods = cartTotals(cart, store.vatRates).total;
  const vouchers = (cart.vouchers ?? []).reduce((acc, v) => acc + v.amount, 0);
  const due = extra.returnOf ? goods - vouchers : goods + vouchers;
  const tenders = due > 0 ? [cashTender('cash-1', due, [], due, store.cashRounding)] : [];
  return buildSale(cart, tenders, {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-sophie',
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
    ...extra,
  });
}

function giftCardCart(amount: number, goods = false): Cart {
  made += 1;
  const cart = emptyCart(`gc-sale-${made}-${Date.now()}`, 'EUR', new Date().toISOString());
  const voucher: SaleVoucher = { lineId: 'v1', cardKind: 'gift_card', operation: 'issue', amount };
  return { ...(goods ? addProduct(cart, demoProduct(100), { lineId: 'l1' }) : cart), vouchers: [voucher] };
}

/**
 * Gift cards sold at a real till host and made by the real hub (through the fault proxy that cuts
 * the network), on PGlite and PostgreSQL: the card exists only once the sale is sealed, once, and
 * spends once; a return gives store credit to its member.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`gift cards sold and store credit given at the till (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];

    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      env().proxy.setPlan({ kind: 'pass' });
      await env().database.truncate();
    });

    const till = async () => {
      const peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId: 'S001', tillId: 'T01' });
      peers.push(peer);
      return peer;
    };
    const cards = async () =>
      env().database.db.query<{ card_id: string; kind: string; issue_request_id: string }>(
        'SELECT card_id, kind, issue_request_id FROM stored_value_cards ORDER BY issue_request_id',
      );
    const seal = (peer: TillPeer, sale: SalePayloadV1) =>
      peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale }) as Promise<SealedRecord<'sale'>>;
    const issue = (peer: TillPeer, saleId: string) => peer.bridge.invoke('vouchers.issue', { saleId }) as Promise<VoucherIssueResult>;
    const hubSend = (peer: TillPeer, pathname: string, body: unknown) => peer.host.context.hub.send('POST', pathname, body);

    it('a card sold exists only once its sale is sealed, is made once, and spends once', async () => {
      const a = await till();
      expect(await a.bridge.invoke('vouchers.ready')).toEqual({ online: true });
      // An abandoned sale asks the hub for nothing.
      paid(giftCardCart(3_000));
      const sale = paid(giftCardCart(5_000, true));
      expect(await cards()).toEqual([]);
      await seal(a, sale);
      const first = await issue(a, sale.saleId);
      expect(first.others).toEqual([]);
      expect(first.cards).toEqual([
        {
          lineId: 'v1',
          maskedCode: expect.stringMatching(/^••••-••••-••••-••••-[2-9A-Z]{4}$/),
          code: expect.any(String),
          available: 5_000,
        },
      ]);
      const code = first.cards[0]!.code!;
      expect(JSON.stringify(sale)).not.toContain(code);
      // Asked again (the page retried): the same card, nothing more at the hub.
      expect((await issue(a, sale.saleId)).cards[0]!.maskedCode).toBe(first.cards[0]!.maskedCode);
      expect(await cards()).toEqual([expect.objectContaining({ kind: 'gift_card', issue_request_id: `gift_card:${sale.saleId}:v1` })]);

      const card = (await a.bridge.invoke('vouchers.lookup', { code })) as VoucherCardView;
      expect(card).toMatchObject({ kind: 'gift_card', status: 'active', available: 5_000, currency: 'EUR' });
      // Spendable, once: all of it reserved, then nothing is left for another.
      const until = new Date(Date.now() + 10 * 60_000).toISOString();
      await expect(
        hubSend(a, '/api/v1/till/cards/reservations', { code, reservationId: 'r-1', amount: 5_000, until }),
      ).resolves.toMatchObject({
        cardId: card.cardId,
      });
      await expect(hubSend(a, '/api/v1/till/cards/reservations', { code, reservationId: 'r-2', amount: 1, until })).rejects.toMatchObject({
        code: 'HUB_REFUSED',
        details: { hubCode: 'insufficient_balance' },
      });
    });

    it('offline after the seal, the card is made once the hub answers again; a lost answer makes no second card', async () => {
      const a = await till();
      const sale = paid(giftCardCart(2_500));
      env().proxy.setPlan({ kind: 'refuse' });
      await seal(a, sale);
      expect(await issue(a, sale.saleId)).toEqual({ cards: [], others: [{ lineId: 'v1', state: 'waiting' }] });
      expect(await cards()).toEqual([]);
      // The hub makes the card but its answer never reaches the till: asked again, it answers the same card.
      env().proxy.setPlan({ kind: 'cut-response', afterBytes: 20 }, 1);
      await issue(a, sale.saleId);
      const again = await issue(a, sale.saleId);
      expect(again.others).toEqual([]);
      expect(again.cards).toHaveLength(1);
      expect((await cards()).length).toBe(1);
    });

    it('a reload loads the card once the sale is sealed', async () => {
      const a = await till();
      const sold = paid(giftCardCart(1_000));
      await seal(a, sold);
      const code = (await issue(a, sold.saleId)).cards[0]!.code!;
      const card = (await a.bridge.invoke('vouchers.lookup', { code })) as VoucherCardView;
      made += 1;
      const reload: SaleVoucher = { lineId: 'v1', cardKind: 'gift_card', operation: 'reload', amount: 4_000, cardId: card.cardId };
      const sale = paid({ ...emptyCart(`reload-${made}-${Date.now()}`, 'EUR', new Date().toISOString()), vouchers: [reload] });
      await seal(a, sale);
      expect((await issue(a, sale.saleId)).cards).toEqual([{ lineId: 'v1', maskedCode: card.maskedCode, available: 5_000 }]);
      expect(((await a.bridge.invoke('vouchers.lookup', { code })) as VoucherCardView).available).toBe(5_000);
      await expect(a.bridge.invoke('vouchers.lookup', { code: code.replace(/.$/, (c) => (c === '2' ? '3' : '2')) })).rejects.toMatchObject({
        details: { hubCode: 'card_code_check' },
      });
    });

    it('the hub verifies a sale selling a card, keeps it out of revenue and shows it sold on the dashboard', async () => {
      const a = await till();
      const sale = paid(giftCardCart(4_000, true));
      const record = await seal(a, sale);
      await a.docs.sales.insert(saleDocFromRecord(record));
      await a.startReplication();
      const verified = async () =>
        Number(
          (
            await env().database.db.query<{ n: number }>(
              'SELECT count(*)::int8 AS n FROM chain_records WHERE store_id = $1 AND doc_id = $2 AND feed_seq IS NOT NULL',
              ['S001', sale.saleId],
            )
          )[0]?.n ?? 0,
        );
      await eventually(
        async () => {
          await env().hub.catchUp();
          return verified();
        },
        (n) => n === 1,
        30_000,
      );
      expect(await env().database.db.query("SELECT kind FROM incidents WHERE kind = 'invalid_sale'")).toEqual([]);
      const board = await dashboard(env().database.db, { stores: ['S001'], from: sale.businessDate, to: sale.businessDate });
      expect(board.totals.netIncl).toBe(sale.total);
      expect(board.vouchers.giftCardsSold).toBe(4_000);
      expect(board.by.tender.map((t) => t.key)).toEqual(['cash']);
      expect(board.by.tender[0]!.netIncl).toBe(sale.total + 4_000);
    });

    it('a return refunded as store credit gives its member a card of their own, once', async () => {
      const a = await till();
      await a.bridge.invoke('customers.create', { id: 'cust-sc-1', customer: { lastName: 'Durand' } });
      const original = await seal(
        a,
        paid(addProduct(emptyCart(`orig-${Date.now()}`, 'EUR', new Date().toISOString()), demoProduct(100), { lineId: 'l0', quantity: 2 })),
      );
      const { cart, returnOf } = returnCart(original.payload, saleReceiptNumber(original), [], new Map([['l0', 1]]), {
        id: `ret-${Date.now()}`,
        startedAt: new Date().toISOString(),
      });
      const refund = cartTotals(cart, store.vatRates).total;
      const credit: SaleVoucher = { lineId: 'sc', cardKind: 'store_credit', operation: 'issue', amount: refund };
      const sale = paid({ ...cart, vouchers: [credit] }, { returnOf, customerId: 'cust-sc-1' });
      expect(sale.tenders).toEqual([]);
      await seal(a, sale);
      const result = await issue(a, sale.saleId);
      expect(result.cards).toEqual([expect.objectContaining({ lineId: 'sc', code: expect.any(String), available: refund })]);
      const card = (await a.bridge.invoke('vouchers.lookup', { code: result.cards[0]!.code! })) as VoucherCardView;
      expect(card).toMatchObject({ kind: 'store_credit', available: refund });
      expect(await cards()).toEqual([expect.objectContaining({ kind: 'store_credit', issue_request_id: `store_credit:${sale.saleId}` })]);
    });
  });
}
