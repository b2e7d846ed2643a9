import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  saleDocFromRecord,
  storedValueTender,
  type Cart,
  type SalePayloadV1,
  type SealedRecord,
  type StoredValueCardView,
  type StoredValueReservation,
  type Tender,
} from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { eventually, startTillPeer, type TillPeer } from './till-peer';

let made = 0;

function cartOf(products: readonly number[]): Cart {
  made += 1;
  let cart = emptyCart(`gc-pay-${made}-${Date.now()}`, 'EUR', new Date().toISOString());
  for (const [i, index] of products.entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  return cart;
}

/** A sale of store `storeId` paid first by the reserved card, then in cash for what is left: as the payment screen builds it. */
function paidWith(cart: Cart, storeId: string, reservation: StoredValueReservation): SalePayloadV1 {
  const store = demoStoreProfile(storeId, 'T01');
  const total = cartTotals(cart, store.vatRates).total;
  const gift = storedValueTender('gift-1', total, [], reservation, store.cashRounding);
  const tenders: Tender[] = [gift];
  if (gift.amount < total) tenders.push(cashTender('cash-1', total, tenders, total - gift.amount, store.cashRounding));
  return buildSale(cart, tenders, {
    storeId,
    tillId: 'T01',
    staffId: 'staff-sophie',
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
  }) as SalePayloadV1;
}

/**
 * Paying with a gift card at a real till host, against the real hub's ledger (through the fault
 * proxy that cuts the network), on PGlite and PostgreSQL: a card sold through the hub's route in
 * store A pays a sale in store B, and its balance drops once, even when the network goes between
 * the seal and the spend.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`gift cards paying at the till (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];

    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      env().proxy.setPlan({ kind: 'pass' });
      await env().database.truncate();
    });

    const till = async (storeId: string) => {
      const peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId, tillId: 'T01' });
      peers.push(peer);
      return peer;
    };
    /** A gift card sold by store A's till through the hub's route: its code, once. */
    const sellCard = async (peer: TillPeer, amount: number) => {
      const sold = (await peer.host.context.hub.send('POST', '/api/v1/till/gift-cards', {
        saleId: `card-sale-${made}-${Date.now()}`,
        lineId: 'v1',
        amount,
        currency: 'EUR',
      })) as { cardId: string; code: string };
      return sold;
    };
    const lookup = (peer: TillPeer, code: string) => peer.bridge.invoke('ledger.lookupCard', { code }) as Promise<StoredValueCardView>;
    const redeems = async (cardId: string) =>
      (
        await env().database.db.query<{ entry_id: string }>(
          `SELECT entry_id FROM stored_value_entries WHERE card_id = $1 AND entry_id LIKE 'redeem:%'`,
          [cardId],
        )
      ).map((r) => r.entry_id);

    it('a gift card sold in store A pays a sale in store B: its balance drops once', async () => {
      const a = await till('S001');
      const b = await till('S002');
      const { cardId, code } = await sellCard(a, 1_000);
      expect(await lookup(b, code)).toMatchObject({ cardId, kind: 'gift_card', status: 'active', available: 1_000 });

      const cart = cartOf([100, 205, 300, 400, 500]);
      const reservation = (await b.bridge.invoke('ledger.reserveCard', { saleId: cart.id, code, amount: 1_000 })) as StoredValueReservation;
      expect(reservation).toMatchObject({ cardId, method: 'gift_card', amount: 1_000, balanceAfter: 0 });
      // Reserved: another till cannot take it meanwhile.
      await expect(a.bridge.invoke('ledger.reserveCard', { saleId: 'other-cart', code, amount: 1 })).rejects.toMatchObject({
        code: 'HUB_REFUSED',
        details: { hubCode: 'insufficient_balance' },
      });
      const sale = paidWith(cart, 'S002', reservation);
      const record = (await b.bridge.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale })) as SealedRecord<'sale'>;
      expect(record.payload.tenders[0]).toMatchObject({ method: 'gift_card', cardId, amount: 1_000 });
      expect(JSON.stringify(record)).not.toContain(code);

      await eventually(
        () => redeems(cardId),
        (ids) => ids.length === 1,
      );
      expect(await redeems(cardId)).toEqual([`redeem:${sale.saleId}:gift-1`]);
      expect(await lookup(a, code)).toMatchObject({ available: 0, reserved: 0 });

      // Pushed, the sale is verified by the hub like any other: its chain holds, no invalid_sale.
      await b.docs.sales.insert(saleDocFromRecord(record));
      await b.startReplication();
      const db = env().database.db;
      await eventually(
        () =>
          db.query<{ doc_id: string }>(
            "SELECT doc_id FROM chain_records WHERE store_id = 'S002' AND collection = 'sales' AND feed_seq IS NOT NULL",
          ),
        (rows) => rows.some((r) => r.doc_id === sale.saleId),
      );
      expect(await db.query("SELECT kind FROM incidents WHERE store_id = 'S002' AND kind = 'invalid_sale'")).toEqual([]);
    });

    it('the network cut between the seal and the spend: spent once the hub answers again, never twice', async () => {
      const a = await till('S001');
      const { cardId, code } = await sellCard(a, 5_000);
      const cart = cartOf([100, 205]);
      const reservation = (await a.bridge.invoke('ledger.reserveCard', { saleId: cart.id, code, amount: 300 })) as StoredValueReservation;
      env().proxy.setPlan({ kind: 'refuse' });
      const sale = paidWith(cart, 'S001', reservation);
      await a.bridge.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });
      await new Promise((r) => setTimeout(r, 200));
      env().proxy.setPlan({ kind: 'pass' });
      expect(await redeems(cardId)).toEqual([]);
      // Back online: the host's runner spends it (the hub status turns online with the next request).
      expect(await lookup(a, code)).toMatchObject({ available: 4_700 });
      await eventually(
        () => redeems(cardId),
        (ids) => ids.length === 1,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(await redeems(cardId)).toHaveLength(1);
      expect(await lookup(a, code)).toMatchObject({ available: 4_700, reserved: 0 });
    });

    it('a removed tender gives the amount back to the card at the hub', async () => {
      const a = await till('S001');
      const { code } = await sellCard(a, 2_000);
      const reservation = (await a.bridge.invoke('ledger.reserveCard', {
        saleId: 'cart-removed',
        code,
        amount: 800,
      })) as StoredValueReservation;
      expect(await lookup(a, code)).toMatchObject({ available: 1_200 });
      expect(await a.bridge.invoke('ledger.release', { reservationId: reservation.reservationId })).toEqual({ released: true });
      await eventually(
        () => lookup(a, code),
        (card) => card.available === 2_000,
      );
    });
  });
}
