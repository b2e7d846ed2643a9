import {
  addProduct,
  buildSale,
  cartRewardOf,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  isDiscountReward,
  saleDocFromRecord,
  withLoyaltyEarn,
  type Cart,
  type LoyaltyProgram,
  type MemberPointsView,
  type PointsReservation,
  type SalePayloadV1,
  type SealedRecord,
} from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { afterEach, describe, expect, it } from 'vitest';
import { loyaltyBalanceAtHub } from '../../sync-server/src/ledgers/loyalty-balance-read';
import { putLoyaltyProgram } from '../../sync-server/src/loyalty/loyalty-program-writes';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { startTillPeer, type TillPeer } from './till-peer';

/** 1 point per cent paid, VAT included, never expiring: one sale of a few euros buys the 5 € reward. */
function programBody() {
  const { id: _id, version: _version, expiryMonths: _never, ...body } = testLoyaltyProgram();
  return { ...body, earn: { kind: 'spend' as const, points: 1, per: 1, tax: 'inclusive' as const } };
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const store = demoStoreProfile('S001', 'T01');
const MEMBER = { customerId: 'cus-redeem', programId: 'club' };

function memberCart(id: string): Cart {
  let cart = emptyCart(id, 'EUR', new Date().toISOString());
  for (const [i, index] of [100, 205, 300].entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  return { ...cart, customer: { id: MEMBER.customerId, label: 'Alice' } };
}

function paidSale(cart: Cart, program: LoyaltyProgram): SalePayloadV1 {
  const total = cartTotals(cart, store.vatRates).total;
  const sale = buildSale(cart, [cashTender('cash', total, [], total, store.cashRounding)], {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-sophie',
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
  });
  return withLoyaltyEarn(sale, program);
}

/**
 * Issue 14, spending points: a member with points redeems a reward at a real till host against the
 * real hub (PGlite and PostgreSQL). The host reserves the reward's cost, seals the sale with its
 * loyalty discount, consumes the reservation after the seal; the hub verifies the sale (no
 * invalid_sale) and the balance drops once by the reward's cost.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a member spends points on a reward at the till (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];
    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      await env().database.truncate();
    });

    it('the reward is reserved, sealed as a loyalty discount, consumed once; the hub verifies the sale', async () => {
      const db = env().database.db;
      await putLoyaltyProgram(db, 'club', programBody());
      const peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: db, storeId: 'S001', tillId: 'T01' });
      peers.push(peer);
      await peer.bridge.invoke('catalog.pull', { checkpoint: null, limit: 100 });
      const { program } = (await peer.bridge.invoke('loyalty.program')) as { program: LoyaltyProgram };
      const seal = async (sale: SalePayloadV1) => {
        const record = (await peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale })) as SealedRecord<'sale'>;
        await peer.docs.sales.insert(saleDocFromRecord(record));
      };

      const earning = paidSale(memberCart(`earn-${Date.now()}`), program);
      const earned = earning.loyalty!.earn.points;
      expect(earned).toBeGreaterThan(500);
      await seal(earning);
      await peer.startReplication();
      await until(async () => (await loyaltyBalanceAtHub(db, MEMBER)).earned === earned);
      expect(((await peer.bridge.invoke('ledger.memberPoints', { customerId: MEMBER.customerId })) as MemberPointsView).available).toBe(
        earned,
      );

      const cart = memberCart(`redeem-${Date.now()}`);
      const reserved = (await peer.bridge.invoke('ledger.reservePoints', {
        saleId: cart.id,
        customerId: MEMBER.customerId,
        rewardId: 'r5',
      })) as PointsReservation;
      expect(reserved).toMatchObject({ points: 500, balanceAfter: earned - 500 });
      const reward = program.rewards.find((r) => r.id === 'r5')!;
      if (!isDiscountReward(reward)) throw new Error('r5 is an amount off');
      const rewarded = paidSale({ ...cart, reward: cartRewardOf(program, reward, { id: reserved.reservationId, points: 500 }) }, program);
      expect(rewarded.discounts.at(-1)).toMatchObject({ source: 'loyalty', amount: 500, reservationId: reserved.reservationId });
      const earnedAgain = rewarded.loyalty!.earn.points;
      await seal(rewarded);

      const expected = earned + earnedAgain - 500;
      await until(async () => {
        await env().hub.catchUp();
        const balance = await loyaltyBalanceAtHub(db, MEMBER);
        return balance.available === expected && balance.earned === earned + earnedAgain;
      });
      const verified = await db.query<{ n: number }>(
        'SELECT count(*)::int8 AS n FROM chain_records WHERE store_id = $1 AND doc_id = $2 AND feed_seq IS NOT NULL',
        ['S001', rewarded.saleId],
      );
      expect(Number(verified[0]?.n)).toBe(1);
      expect(await db.query("SELECT kind FROM incidents WHERE kind = 'invalid_sale'")).toEqual([]);
      // Once: more pushes and projector runs change nothing.
      await env().hub.catchUp();
      expect((await loyaltyBalanceAtHub(db, MEMBER)).available).toBe(expected);
      expect(((await peer.bridge.invoke('ledger.memberPoints', { customerId: MEMBER.customerId })) as MemberPointsView).available).toBe(
        expected,
      );
    });
  });
}
