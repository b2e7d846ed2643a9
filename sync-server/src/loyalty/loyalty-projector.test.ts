import { withLoyaltyEarn, type LoyaltyProgram, type SalePayloadV1, type SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { loyaltyBalanceAtHub } from '../ledgers/loyalty-balance-read';
import { consumeReservation, reservePointsAtHub } from '../ledgers/loyalty-redeem';
import { loyaltyProgramBody } from '../test-support/loyalty-programs';
import { saleWithLines, type TestChains } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';
import { putLoyaltyProgram } from './loyalty-program-writes';
import { projectStoreLoyalty } from './loyalty-projector';
import { earnForAttachedMember } from './sale-earn';

/** 1 point per euro, VAT included: a sale of n pieces at 1.00 € earns n points. */
const EARN = { kind: 'spend', points: 1, per: 100, tax: 'inclusive' };
const member = { customerId: 'cus-1', programId: 'club' };
/** A member's sale of `pieces` pieces, sealed with the earn the program gives (or with `forged` points). */
function memberSale(t: TestChains, saleId: string, pieces: number, program: LoyaltyProgram, forged?: number): SealedRecord<'sale'> {
  const bare = { ...(saleWithLines(t, saleId, [{ lineId: 'l1', productId: 'prd-1', quantity: pieces }]) as SalePayloadV1), ...member };
  const { programId: _p, ...sale } = bare as SalePayloadV1 & { programId?: string };
  const earned = withLoyaltyEarn(sale, program);
  const payload = forged === undefined ? earned : { ...earned, loyalty: { earn: { ...earned.loyalty!.earn, points: forged } } };
  return t.seal('sale', saleId, payload);
}

/** A return of `pieces` of the sale's line. */
function returnOf(t: TestChains, returnId: string, saleId: string, pieces: number): SealedRecord<'sale'> {
  const returnOf = { saleId, receipt: `R-${saleId}`, lines: [{ lineId: 'l1', quantity: pieces }] };
  return t.seal(
    'sale',
    returnId,
    saleWithLines(t, returnId, [{ lineId: 'l1', productId: 'prd-1', quantity: pieces }], undefined, { returnOf }),
  );
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`loyalty projection on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    const balance = () => loyaltyBalanceAtHub(db(), member);
    // Points that never expire: the balances are read at the hub's clock, whatever the day the test runs.
    const bodyOf = (earn: object) => {
      const { expiryMonths: _never, ...body } = loyaltyProgramBody({ earn });
      return body as never;
    };
    const program = async () => (await putLoyaltyProgram(db(), 'club', bodyOf(EARN))).program;
    const incidents = () =>
      db().query<{ kind: string; doc_id: string; message: string }>(
        "SELECT kind, doc_id, details ->> 'message' AS message FROM incidents WHERE kind LIKE '%loyalty%' ORDER BY doc_id",
      );

    it('credits a verified sale’s sealed earn once: pushed twice, a step done again, a version since replaced', async () => {
      const club = await program();
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const s1 = memberSale(t, 's1', 20, club);
      await push(till!, [t.start(), s1]);
      expect(await balance()).toMatchObject({ available: 20, earned: 20 });
      // The same sale again (a lost answer), and the projection's checkpoint set back (a crash before its commit).
      await push(till!, [s1]);
      await db().query('UPDATE loyalty_projection SET seq = 0');
      expect((await projectStoreLoyalty(db(), 'S1')).applied).toBe(1);
      expect(await balance()).toMatchObject({ available: 20, earned: 20 });
      // A version replaced since: the sale naming version 1 still earns (the version history), one sealed later too.
      const v2 = (await putLoyaltyProgram(db(), 'club', bodyOf({ ...EARN, points: 2 }))).program;
      await push(till!, [memberSale(t, 's2', 5, club), memberSale(t, 's3', 5, v2)]);
      expect(await balance()).toMatchObject({ available: 20 + 5 + 10 });
      expect(await db().query('SELECT sale_id, customer_id FROM loyalty_sale_earns ORDER BY sale_id')).toEqual([
        { sale_id: 's1', customer_id: 'cus-1' },
        { sale_id: 's2', customer_id: 'cus-1' },
        { sale_id: 's3', customer_id: 'cus-1' },
      ]);
      expect(await incidents()).toEqual([]);
    });

    it('a return takes the points back pro rata, in parts, never more than earned; after a redeem, the rest is debt', async () => {
      const club = await program();
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      await push(till!, [t.start(), memberSale(t, 's1', 20, club)]);
      await push(till!, [returnOf(t, 'r1', 's1', 5)]);
      expect(await balance()).toMatchObject({ available: 15, reversed: 5 });
      // The member spends 12 of the 15 left, then returns the rest of the sale: 15 more to take back, 3 there, 12 owed.
      const until = new Date(Date.now() + 3_600_000).toISOString();
      await reservePointsAtHub(db(), { ...member, reservationId: 'res-1', points: 12, tillId: 'S1.T1', until });
      await consumeReservation(db(), { ...member, reservationId: 'res-1', saleId: 'spend-1', tillId: 'S1.T1' } as never);
      await push(till!, [returnOf(t, 'r2', 's1', 15)]);
      expect(await balance()).toMatchObject({ available: 0, reversed: 20, debt: 12 });
      // The next sale's points pay the debt back first.
      await push(till!, [memberSale(t, 's2', 20, club)]);
      expect(await balance()).toMatchObject({ available: 8, debt: 0 });
    });

    it('a sale whose earn is wrong (more points, a version never saved) is reported and earns nothing; the next one earns', async () => {
      const club = await program();
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const unknown = { ...club, version: 7 };
      await push(till!, [
        t.start(),
        memberSale(t, 'greedy', 10, club, 99),
        memberSale(t, 'v7', 10, unknown),
        memberSale(t, 'fine', 10, club),
      ]);
      expect(await balance()).toMatchObject({ available: 10, earned: 10 });
      expect(await incidents()).toEqual([
        { kind: 'loyalty_earn_refused', doc_id: 'greedy', message: expect.stringContaining('wrong-points') },
        { kind: 'loyalty_earn_refused', doc_id: 'v7', message: expect.stringContaining('unknown-program: club v7') },
      ]);
    });

    it('a member attached after the sale (the sign-up) earns for it once, with the same entry id; never for a sale that earned', async () => {
      const club = await program();
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const plain = t.sale('plain', [{ lineId: 'l1', productId: 'prd-1', quantity: 7 }]);
      const earned = memberSale(t, 'earned', 3, club);
      await push(till!, [t.start(), plain, earned]);
      expect(await earnForAttachedMember(db(), plain.payload, 'cus-1')).toMatchObject({ kind: 'earned', answer: { points: 7 } });
      expect(await earnForAttachedMember(db(), plain.payload, 'cus-1')).toMatchObject({ kind: 'earned', answer: { points: 7 } });
      expect(await earnForAttachedMember(db(), plain.payload, 'cus-2')).toEqual({
        kind: 'already',
        customerId: 'cus-1',
        programId: 'club',
      });
      expect(await earnForAttachedMember(db(), earned.payload, 'cus-2')).toMatchObject({ kind: 'already', customerId: 'cus-1' });
      expect(await balance()).toMatchObject({ available: 10, earned: 10 });
      const [entry] = await db().query<{ entry_id: string }>("SELECT entry_id FROM loyalty_entries WHERE sale_id = 'plain'");
      expect(entry).toEqual({ entry_id: 'earn:plain' });
    });
  });
}
