import {
  addProduct,
  buildSale,
  cartRewardOf,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  returnCart,
  saleDocFromRecord,
  saleReceiptNumber,
  storedValueTender,
  withLoyaltyEarn,
  type Cart,
  type CustomerSearchAnswer,
  type LoyaltyProgram,
  type MemberPointsView,
  type PointsReservation,
  type SaleContext,
  type SalePayloadV1,
  type SaleVoucher,
  type SealedRecord,
  type StoredValueCardView,
  type StoredValueReservation,
  type Tender,
  type VoucherIssueResult,
} from '@pos/core';
import { joinLinkFor } from '@pos/core/signup/join-link';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { afterAll, describe, expect, it } from 'vitest';
import { loyaltyBalanceAtHub } from '../../sync-server/src/ledgers/loyalty-balance-read';
import { adminHeaders, headOffice } from '../../sync-server/src/test-support/head-office';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { phoneSignUp } from './phone-signup';
import { eventually, startTillPeer, type TillPeer } from './till-peer';

const PROGRAM = 'club';
/** 10 points per euro paid, VAT included, never expiring (balances are read at the hub's clock). */
const { id: _id, version: _version, expiryMonths: _never, ...programBody } = testLoyaltyProgram();
/** The reward both stores try to give her: its cost is more than half of what she holds by then. */
const TREAT = { id: 'treat', name: '3 € de remise', cost: 100, kind: 'amount-off' as const, amount: 300 };
const PROGRAM_BODY = {
  ...programBody,
  earn: { kind: 'spend' as const, points: 10, per: 100, tax: 'inclusive' as const },
  rewards: [TREAT],
};
const PHONE = {
  firstName: 'Camille',
  lastName: 'Durand',
  email: 'camille.durand@example.com',
  phone: '06 12 34 56 78',
  consentEmail: 'on',
};

let made = 0;
const now = () => new Date().toISOString();

function cartOf(prefix: string, products: readonly number[], id?: string): Cart {
  made += 1;
  let cart = emptyCart(id ?? `${prefix}-${made}-${Date.now()}`, 'EUR', now());
  for (const [i, index] of products.entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  return cart;
}

/** A sale of `storeId` built with core as the till builds it: `first` tenders, then cash for what is left. */
function sale(cart: Cart, storeId: string, extra: Partial<SaleContext> = {}, first: (due: number) => Tender[] = () => []): SalePayloadV1 {
  const store = demoStoreProfile(storeId, 'T01');
  const goods = cartTotals(cart, store.vatRates).total;
  const vouchers = (cart.vouchers ?? []).reduce((acc, v) => acc + v.amount, 0);
  const due = extra.returnOf ? goods - vouchers : goods + vouchers;
  const tenders = first(due);
  const left = due - tenders.reduce((acc, t) => acc + t.amount, 0);
  if (left > 0) tenders.push(cashTender(`cash-${tenders.length + 1}`, due, tenders, left, store.cashRounding));
  return buildSale(cart, tenders, {
    storeId,
    tillId: 'T01',
    staffId: 'staff-sophie',
    completedAt: now(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
    ...extra,
  }) as SalePayloadV1;
}

/**
 * Issue 14's scenario end to end: the real till hosts of two stores (their own replication, through
 * the fault proxy that cuts the network) and the real hub, on PGlite and PostgreSQL. One customer
 * signs up from a receipt of store A printed offline, earns there, her points are fought over by
 * both stores at once, a gift card of A pays in B, a return in A takes points back and gives store
 * credit; then every place that shows a balance shows the same one. The steps build on each other.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`one customer across two stores (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];
    let a: TillPeer;
    let b: TillPeer;
    let program: LoyaltyProgram;
    let memberId = '';
    /** What each step should leave on her account, checked against the hub's ledger as it goes. */
    let expected = 0;
    let memberSale: SealedRecord<'sale'> & { payload: SalePayloadV1 };
    /** The sale the reward's points were spent with, and the till that sealed it. */
    let redeemed: { peer: TillPeer; record: SealedRecord<'sale'> & { payload: SalePayloadV1 } };
    let giftCard = { cardId: '', code: '', available: 0 };
    let storeCredit = { cardId: '', code: '', available: 0 };

    afterAll(async () => {
      for (const peer of peers.splice(0)) await peer.close();
    });

    const db = () => env().database.db;
    const office = async () => headOffice(env().hub, await adminHeaders(db()));
    const seal = async (peer: TillPeer, payload: SalePayloadV1) => {
      const record = (await peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: payload.saleId, payload })) as SealedRecord<'sale'> & {
        payload: SalePayloadV1;
      };
      // Kept in the till's own database as the page does: its replication pushes it.
      await peer.docs.sales.insert(saleDocFromRecord(record));
      return record;
    };
    const verified = (storeId: string, saleId: string) =>
      eventually(
        async () => {
          await env().hub.catchUp();
          return db().query('SELECT 1 FROM chain_records WHERE store_id = $1 AND doc_id = $2 AND feed_seq IS NOT NULL', [storeId, saleId]);
        },
        (rows) => rows.length === 1,
        20_000,
      );
    const entries = async (prefix: string) =>
      (
        await db().query<{ entry_id: string; points: number }>(
          `SELECT entry_id, (entry->>'points')::int AS points FROM loyalty_entries WHERE customer_id = $1 AND entry_id LIKE $2 ORDER BY entry_id`,
          [memberId, `${prefix}%`],
        )
      ).map((r) => ({ id: r.entry_id, points: Number(r.points) }));
    const hubBalance = () => loyaltyBalanceAtHub(db(), { customerId: memberId, programId: PROGRAM });
    const tillPoints = (peer: TillPeer) =>
      peer.bridge.invoke('customers.points', { customerId: memberId }) as Promise<{ available: number } | null>;
    const earnOf = (record: SealedRecord<'sale'> & { payload: SalePayloadV1 }) => record.payload.loyalty?.earn.points ?? 0;
    const memberPoints = async (peer: TillPeer) =>
      ((await peer.bridge.invoke('ledger.memberPoints', { customerId: memberId })) as MemberPointsView).available;

    it('1. head office puts a loyalty program live; both stores’ tills pull it', async () => {
      const saved = await (await office()).call('PUT', `/api/v1/admin/loyalty/programs/${PROGRAM}`, PROGRAM_BODY);
      expect(saved.status).toBe(201);
      a = await startTillPeer({ hubUrl: env().proxy.url, hubDb: db(), storeId: 'S001', tillId: 'T01' });
      peers.push(a);
      b = await startTillPeer({ hubUrl: env().proxy.url, hubDb: db(), storeId: 'S002', tillId: 'T01' });
      peers.push(b);
      for (const peer of [a, b]) {
        await peer.bridge.invoke('catalog.pull', { checkpoint: null, limit: 100 });
        program = ((await peer.bridge.invoke('loyalty.program')) as { program: LoyaltyProgram }).program;
        expect(program).toMatchObject({ id: PROGRAM, version: 1, earn: PROGRAM_BODY.earn });
      }
      await a.startReplication();
      await b.startReplication();
    });

    it('2. store A offline: a sale without a member; she signs up from its receipt; her points come once A pushes it', async () => {
      env().proxy.setPlan({ kind: 'refuse' });
      const offline = await seal(a, sale(cartOf('a-offline', [100, 205, 300]), 'S001'));
      // The link the host prints on the receipt (its own rule: the hub address the till syncs with).
      const link = joinLinkFor(offline, a.host.context.profile, a.host.context.hub.status().hubUrl);
      expect(link).toMatch(/\/join\/S001\//);
      // Her phone reaches the hub itself, not through store A's cut line: the claim waits for the sale.
      const joined = await phoneSignUp(env().hub.url!, link!, PHONE);
      expect(joined.status).toBe(201);
      expect(joined.body).toContain('Votre achat n’est pas encore arrivé au serveur du magasin');
      const [claim] = await db().query<{ status: string; customer_id: string }>(
        'SELECT status, customer_id FROM signup_claims WHERE sale_id = $1',
        [offline.id],
      );
      expect(claim).toMatchObject({ status: 'pending' });
      memberId = claim!.customer_id;
      expect(await entries('')).toEqual([]);
      // Nothing personal rides in the sealed sale.
      expect(JSON.stringify(offline)).not.toMatch(/Camille|Durand|example\.com|0612/);

      env().proxy.setPlan({ kind: 'pass' });
      await verified('S001', offline.id);
      const points = Math.floor((offline.payload.total * 10) / 100);
      expect(points).toBeGreaterThan(0);
      await eventually(
        () => entries('earn:'),
        (rows) => rows.length > 0,
      );
      expect(await entries('earn:')).toEqual([{ id: `earn:${offline.id}`, points }]);
      expect((await db().query<{ status: string }>('SELECT status FROM signup_claims WHERE sale_id = $1', [offline.id]))[0]).toMatchObject({
        status: 'claimed',
      });
      // Once: the projectors run again, a second sign-up for the same receipt is refused in words.
      await env().hub.catchUp();
      const again = await phoneSignUp(env().hub.url!, link!, { ...PHONE, email: 'autre@example.com' });
      expect(again.status).toBe(409);
      expect(again.body).toContain('Les points de cet achat ont déjà été attribués à un membre.');
      expect(await entries('earn:')).toHaveLength(1);
      expected = points;
      expect(await hubBalance()).toMatchObject({ available: expected, debt: 0 });
    });

    it('3. found at store A’s till by her phone, she earns on a sale with her attached, sealed offline and pushed through lost answers: once', async () => {
      const found = (await a.bridge.invoke('customers.search', { query: '06 12 34 56 78' })) as CustomerSearchAnswer;
      expect(found).toMatchObject({ source: 'hub', customers: [expect.objectContaining({ id: memberId, lastName: 'Durand' })] });
      // The earn travels inside the sealed sale (OMNICHANNEL D.3): sealed with the network down, then
      // the hub's answers are cut three times, so the till pushes again what the hub already wrote.
      env().proxy.setPlan({ kind: 'refuse' });
      memberSale = await seal(a, withLoyaltyEarn({ ...sale(cartOf('a-member', [100, 205]), 'S001'), customerId: memberId }, program));
      const points = earnOf(memberSale);
      expect(memberSale.payload.loyalty?.earn).toMatchObject({
        id: `earn:${memberSale.id}`,
        customerId: memberId,
        programId: PROGRAM,
        programVersion: 1,
      });
      expect(points).toBe(Math.floor((memberSale.payload.total * 10) / 100));
      await new Promise((r) => setTimeout(r, 300));
      expect(await db().query('SELECT 1 FROM chain_records WHERE doc_id = $1', [memberSale.id])).toEqual([]);
      const cutsBefore = env().proxy.cuts;
      env().proxy.setPlan({ kind: 'cut-response', afterBytes: 20 }, 3);
      await verified('S001', memberSale.id);
      expect(env().proxy.cuts).toBeGreaterThan(cutsBefore);
      env().proxy.setPlan({ kind: 'pass' });
      await eventually(
        () => entries('earn:'),
        (rows) => rows.length === 2,
      );
      expect(await entries(`earn:${memberSale.id}`)).toEqual([{ id: `earn:${memberSale.id}`, points }]);
      expected += points;
      expect(await hubBalance()).toMatchObject({ available: expected });
      expect(await tillPoints(a)).toEqual({ available: expected });
    });

    it('4. store B redeems her points while store A tries the same points: exactly one wins, the other is refused with its code', async () => {
      // The reward costs more than half of what she holds: both cannot have it.
      expect(expected).toBeGreaterThanOrEqual(TREAT.cost);
      expect(expected).toBeLessThan(2 * TREAT.cost);
      const carts = { S002: `cart-b-${Date.now()}`, S001: `cart-a-${Date.now()}` };
      const answers = await Promise.allSettled(
        [b, a].map(
          (peer) =>
            peer.bridge.invoke('ledger.reservePoints', {
              saleId: carts[peer.storeId as 'S001' | 'S002'],
              customerId: memberId,
              rewardId: TREAT.id,
            }) as Promise<PointsReservation>,
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = answers.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      // With the figure the page's sentence names (« Points insuffisants : {available} disponibles »).
      expect(refused.reason).toMatchObject({
        code: 'HUB_REFUSED',
        details: { status: 409, hubCode: 'insufficient_points', values: { available: expected - TREAT.cost } },
      });
      const winner = answers[0]!.status === 'fulfilled' ? b : a;
      const held = (answers.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<PointsReservation>).value;
      expect(held).toMatchObject({
        programId: PROGRAM,
        programVersion: 1,
        rewardId: TREAT.id,
        points: TREAT.cost,
        balanceAfter: expected - TREAT.cost,
      });
      expect(await hubBalance()).toMatchObject({ available: expected - TREAT.cost, reserved: TREAT.cost });

      // The other store's cashier tries again: still refused while the winner holds them.
      const loser = winner === a ? b : a;
      await expect(
        loser.bridge.invoke('ledger.reservePoints', { saleId: `cart-late-${Date.now()}`, customerId: memberId, rewardId: TREAT.id }),
      ).rejects.toMatchObject({ code: 'HUB_REFUSED', details: { hubCode: 'insufficient_points' } });

      // The winner's cart, her attached, takes the reward as its discount: the host seals it against
      // the points it reserved for this very cart, then consumes them at the hub once.
      const cart: Cart = {
        ...cartOf('redeem', [300, 400], carts[winner.storeId as 'S001' | 'S002']),
        customer: { id: memberId, label: 'Camille D.' },
        reward: cartRewardOf(program, TREAT, { id: held.reservationId, points: held.points }),
      };
      const spending = await seal(winner, withLoyaltyEarn(sale(cart, winner.storeId), program));
      expect(spending.payload.customerId).toBe(memberId);
      expect(spending.payload.discounts).toEqual([
        expect.objectContaining({
          source: 'loyalty',
          sourceId: PROGRAM,
          sourceVersion: 1,
          rewardId: TREAT.id,
          reservationId: held.reservationId,
          points: TREAT.cost,
          amount: TREAT.amount,
        }),
      ]);
      await eventually(
        () => entries('redeem:'),
        (rows) => rows.length > 0,
      );
      // The host's runner woken again (the hub back, say): nothing is spent twice.
      winner.host.context.events.emit('hub.status', { ...winner.host.context.hub.status(), online: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(await entries('redeem:')).toEqual([{ id: `redeem:${spending.id}`, points: TREAT.cost }]);
      await verified(winner.storeId, spending.id);
      await eventually(
        () => entries(`earn:${spending.id}`),
        (rows) => rows.length === 1,
      );
      expected = expected - TREAT.cost + earnOf(spending);
      redeemed = { peer: winner, record: spending };
      expect(await hubBalance()).toMatchObject({ available: expected, reserved: 0, debt: 0 });
    });

    it('4b. offline, points are refused in words; an abandoned cart gives its reserved points back at the hub', async () => {
      const reserve = (peer: TillPeer) =>
        peer.bridge.invoke('ledger.reservePoints', {
          saleId: `cart-${peer.storeId}-${Date.now()}`,
          customerId: memberId,
          rewardId: TREAT.id,
        }) as Promise<PointsReservation>;
      expect(expected).toBeGreaterThanOrEqual(TREAT.cost);
      const held = await reserve(b);
      expect(await hubBalance()).toMatchObject({ available: expected - TREAT.cost, reserved: TREAT.cost });
      expect(await b.bridge.invoke('ledger.release', { reservationId: held.reservationId })).toEqual({ released: true });
      await eventually(hubBalance, (balance) => balance.reserved === 0);
      expect(await hubBalance()).toMatchObject({ available: expected, reserved: 0 });
      expect(await entries('redeem:')).toHaveLength(1);

      env().proxy.setPlan({ kind: 'refuse' });
      await expect(reserve(a)).rejects.toMatchObject({ code: 'HUB_UNREACHABLE' });
      env().proxy.setPlan({ kind: 'pass' });
      expect(await hubBalance()).toMatchObject({ available: expected, reserved: 0 });
      // Back online: both tills answer again before the next step asks them anything.
      for (const peer of [a, b])
        await eventually(
          () => memberPoints(peer).catch(() => -1),
          (points) => points === expected,
        );
    });

    it('5. a gift card sold at store A’s till pays a sale at store B’s till: its balance drops once', async () => {
      const cardSale = await seal(
        a,
        sale({ ...cartOf('gc-sold', []), vouchers: [{ lineId: 'v1', cardKind: 'gift_card', operation: 'issue', amount: 3_000 }] }, 'S001'),
      );
      const issued = (await a.bridge.invoke('vouchers.issue', { saleId: cardSale.id })) as VoucherIssueResult;
      expect(issued.others).toEqual([]);
      const code = issued.cards[0]!.code!;
      expect(JSON.stringify(cardSale)).not.toContain(code);
      const seen = (await b.bridge.invoke('ledger.lookupCard', { code })) as StoredValueCardView;
      expect(seen).toMatchObject({ kind: 'gift_card', status: 'active', available: 3_000 });

      const cart = cartOf('gc-paid', [100, 205, 300]);
      const goods = cartTotals(cart, demoStoreProfile('S002', 'T01').vatRates).total;
      const pay = Math.min(goods, 3_000);
      const reservation = (await b.bridge.invoke('ledger.reserveCard', { saleId: cart.id, code, amount: pay })) as StoredValueReservation;
      const paid = await seal(
        b,
        sale(cart, 'S002', {}, (due) => [storedValueTender('gift-1', due, [], reservation, demoStoreProfile('S002', 'T01').cashRounding)]),
      );
      expect(paid.payload.tenders[0]).toMatchObject({ method: 'gift_card', cardId: seen.cardId, amount: pay });
      const redeems = () =>
        db().query<{ entry_id: string }>(`SELECT entry_id FROM stored_value_entries WHERE card_id = $1 AND entry_id LIKE 'redeem:%'`, [
          seen.cardId,
        ]);
      await eventually(redeems, (rows) => rows.length === 1);
      await verified('S002', paid.id);
      await verified('S001', cardSale.id);
      await new Promise((r) => setTimeout(r, 300));
      expect((await redeems()).map((r) => r.entry_id)).toEqual([`redeem:${paid.id}:gift-1`]);
      giftCard = { cardId: seen.cardId, code, available: 3_000 - pay };
      expect(await a.bridge.invoke('ledger.lookupCard', { code })).toMatchObject({ available: giftCard.available, reserved: 0 });
    });

    it('5b. the rest of the card asked for at both tills at once: one holds it, the cart abandoned gives it back (OMNICHANNEL D.6, D.7)', async () => {
      const answers = await Promise.allSettled(
        [a, b].map(
          (peer) =>
            peer.bridge.invoke('ledger.reserveCard', {
              saleId: `cart-${peer.storeId}-${Date.now()}`,
              code: giftCard.code,
              amount: giftCard.available,
            }) as Promise<StoredValueReservation>,
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((answers.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
        code: 'HUB_REFUSED',
        details: { hubCode: 'insufficient_balance', values: { available: 0 } },
      });
      const holder = answers[0]!.status === 'fulfilled' ? a : b;
      const held = (answers.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<StoredValueReservation>).value;
      expect(held).toMatchObject({ cardId: giftCard.cardId, amount: giftCard.available, balanceAfter: 0 });
      expect(await holder.bridge.invoke('ledger.release', { reservationId: held.reservationId })).toEqual({ released: true });
      await eventually(
        () => b.bridge.invoke('ledger.lookupCard', { code: giftCard.code }) as Promise<StoredValueCardView>,
        (card) => card.available === giftCard.available,
      );
      expect(
        await db().query(`SELECT entry_id FROM stored_value_entries WHERE card_id = $1 AND entry_id LIKE 'redeem:%'`, [giftCard.cardId]),
      ).toHaveLength(1);
    });

    it('6. a return at store A takes back her points pro rata and gives her store credit', async () => {
      const { cart, returnOf } = returnCart(memberSale.payload, saleReceiptNumber(memberSale), [], new Map([['l0', 1]]), {
        id: `ret-${Date.now()}`,
        startedAt: now(),
      });
      const refund = cartTotals(cart, demoStoreProfile('S001', 'T01').vatRates).total;
      const credit: SaleVoucher = { lineId: 'sc', cardKind: 'store_credit', operation: 'issue', amount: Math.abs(refund) };
      const ret = await seal(a, sale({ ...cart, vouchers: [credit] }, 'S001', { returnOf, customerId: memberId }));
      expect(ret.payload.tenders).toEqual([]);
      const issued = (await a.bridge.invoke('vouchers.issue', { saleId: ret.id })) as VoucherIssueResult;
      const code = issued.cards[0]!.code!;
      const card = (await a.bridge.invoke('ledger.lookupCard', { code })) as StoredValueCardView;
      expect(card).toMatchObject({ kind: 'store_credit', available: Math.abs(refund) });
      storeCredit = { cardId: card.cardId, code, available: Math.abs(refund) };

      const earned = earnOf(memberSale);
      const reversed = Math.floor((earned * Math.abs(refund)) / memberSale.payload.total);
      expect(reversed).toBeGreaterThan(0);
      expect(reversed).toBeLessThan(earned);
      await verified('S001', ret.id);
      await eventually(
        () => entries('reverse:'),
        (rows) => rows.length === 1,
      );
      expect(await entries('reverse:')).toEqual([{ id: `reverse:${ret.id}`, points: reversed }]);
      expected -= reversed;
      expect(await hubBalance()).toMatchObject({ available: expected, debt: 0 });
    });

    it('6b. the sale that spent her points comes back whole: what it earned is taken back, the points it spent stay spent (OMNICHANNEL D.4)', async () => {
      const { peer, record } = redeemed;
      const all = new Map(record.payload.lines.map((l) => [l.lineId, l.quantity]));
      const { cart, returnOf } = returnCart(record.payload, saleReceiptNumber(record), [], all, {
        id: `ret-all-${Date.now()}`,
        startedAt: now(),
      });
      const ret = await seal(peer, sale(cart, peer.storeId, { returnOf }));
      await verified(peer.storeId, ret.id);
      await eventually(
        () => entries('reverse:'),
        (rows) => rows.length === 2,
      );
      expect(await entries(`reverse:${ret.id}`)).toEqual([{ id: `reverse:${ret.id}`, points: earnOf(record) }]);
      // One spend still, never given back nor taken twice.
      expect(await entries('redeem:')).toEqual([{ id: `redeem:${record.id}`, points: TREAT.cost }]);
      expected -= earnOf(record);
      expect(await hubBalance()).toMatchObject({ available: expected, reserved: 0, debt: 0 });
    });

    it('7. both tills, the back office and the hub’s till API give the same points and the same card balances', async () => {
      const admin = await office();
      const adminPoints = await admin.call('GET', `/api/v1/admin/loyalty/members/${memberId}?programId=${PROGRAM}`);
      expect(adminPoints.status).toBe(200);
      const tillApi = await b.host.context.hub.send<{ available: number }>(
        'GET',
        `/api/v1/till/loyalty/members/${memberId}?programId=${PROGRAM}`,
      );
      expect({
        tillA: await tillPoints(a),
        tillB: await tillPoints(b),
        tillAMember: await memberPoints(a),
        tillBMember: await memberPoints(b),
        office: adminPoints.body.available,
        tillApi: tillApi.available,
        ledger: (await hubBalance()).available,
      }).toEqual({
        tillA: { available: expected },
        tillB: { available: expected },
        tillAMember: expected,
        tillBMember: expected,
        office: expected,
        tillApi: expected,
        ledger: expected,
      });

      for (const card of [giftCard, storeCredit]) {
        const adminCard = await admin.call('GET', `/api/v1/admin/cards/${card.cardId}`);
        expect(adminCard.status).toBe(200);
        const tillApiCard = await a.host.context.hub.send<StoredValueCardView>('POST', '/api/v1/till/cards/lookup', { code: card.code });
        expect({
          tillA: ((await a.bridge.invoke('ledger.lookupCard', { code: card.code })) as StoredValueCardView).available,
          tillB: ((await b.bridge.invoke('ledger.lookupCard', { code: card.code })) as StoredValueCardView).available,
          office: adminCard.body.available,
          tillApi: tillApiCard.available,
        }).toEqual({ tillA: card.available, tillB: card.available, office: card.available, tillApi: card.available });
      }
      // Everything the tills pushed verified, nothing reported: no invalid sale, no earn refused, no spend twice.
      expect(await db().query('SELECT kind, store_id FROM incidents')).toEqual([]);
    });
  });
}
