import { loyaltyEarn, type LoyaltyEarnInput } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { describe, expect, it } from 'vitest';
import type { HubError } from '../errors/hub-error';
import { loyaltyAccounts, loyaltyEntries, storedValueCards, storedValueEntries } from '../db/schema';
import { refusal } from '../test-support/refusal';
import { useTestDatabase } from '../test-support/test-database';
import { testTargets } from '../test-support/test-databases';
import { adjustPoints, earnPoints } from './loyalty-credit';
import { loyaltyBalanceAtHub } from './loyalty-balance-read';
import { consumeReservation, releasePointsAtHub, reservePointsAtHub } from './loyalty-redeem';
import { reversePoints } from './loyalty-reverse';

const program = testLoyaltyProgram();
const member = { customerId: 'cus-1', programId: program.id };
const T0 = '2026-04-02T10:00:00.000Z';
const minutes = (n: number) => new Date(Date.parse(T0) + n * 60_000).toISOString();

/** The earn entry a sealed sale carries: 1 point per euro before VAT (total 12,000 with 2,000 VAT earns 100). */
function earnOf(saleId: string, total = 12_000, completedAt = T0) {
  const sale: LoyaltyEarnInput = {
    saleId,
    customerId: member.customerId,
    completedAt,
    kind: 'sale',
    currency: 'EUR',
    total,
    vat: total / 6,
    tenders: [{ method: 'card', amount: total }],
  };
  return loyaltyEarn(program, sale)!;
}

const reserve = (reservationId: string, points: number, now = minutes(1)) => ({
  ...member,
  reservationId,
  points,
  tillId: 'T01',
  until: minutes(30),
  now,
});

const LEDGER_TABLES = [loyaltyEntries, loyaltyAccounts, storedValueEntries, storedValueCards];

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`loyalty ledger at the hub on ${target.name}`, () => {
    const ctx = useTestDatabase(target, LEDGER_TABLES);

    it('applies the earn a sealed sale carries once, even pushed again months later: the same answer', async () => {
      const { db } = ctx();
      const first = await earnPoints(db, earnOf('s1'), minutes(1));
      expect(first).toEqual({ entryId: 'earn:s1', ...member, points: 100, available: 100 });
      await earnPoints(db, earnOf('s2', 6_000), minutes(2));
      expect(await earnPoints(db, earnOf('s1'), '2026-09-01T00:00:00.000Z')).toEqual(first);
      expect(await loyaltyBalanceAtHub(db, { ...member, now: minutes(3) })).toMatchObject({ available: 150, earned: 150 });
      const [rows] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM loyalty_entries WHERE entry_id = 'earn:s1'");
      expect(rows!.n).toBe(1);
    });

    it('refuses an earn that is not one, or out of bounds, before reading it', async () => {
      const { db } = ctx();
      expect((await refusal(earnPoints(db, { ...earnOf('s1'), points: -5 }))).code).toBe('invalid_ledger_request');
      expect((await refusal(earnPoints(db, { kind: 'redeem', id: 'x', at: T0, points: 1, saleId: 's' }))).code).toBe(
        'invalid_ledger_request',
      );
      expect((await refusal(earnPoints(db, 'earn'))).code).toBe('invalid_ledger_request');
      expect((await refusal(earnPoints(db, { ...earnOf('s1'), customerId: 'a:b' }))).code).toBe('invalid_ledger_request');
    });

    it('reserves, consumes and releases points; each request again gets its first answer', async () => {
      const { db } = ctx();
      await earnPoints(db, earnOf('s1'), minutes(0));
      const reserved = await reservePointsAtHub(db, reserve('res-1', 60));
      expect(reserved).toEqual({ reservationId: 'res-1', points: 60, until: minutes(30), available: 40 });
      expect(await reservePointsAtHub(db, reserve('res-1', 60, minutes(2)))).toEqual(reserved);
      expect((await refusal(reservePointsAtHub(db, reserve('res-1', 10)))).code).toBe('ledger_entry_conflict');
      const more = await refusal(reservePointsAtHub(db, reserve('res-2', 41)));
      expect(more).toMatchObject({ statusCode: 409, code: 'insufficient_points', details: { values: { available: 40 } } });

      const consumed = await consumeReservation(db, { ...member, reservationId: 'res-1', saleId: 's9', now: minutes(3) });
      expect(consumed).toEqual({ entryId: 'redeem:s9', saleId: 's9', points: 60, available: 40 });
      expect(await consumeReservation(db, { ...member, reservationId: 'res-1', saleId: 's9', now: minutes(4) })).toEqual(consumed);
      // Another sale cannot spend the same reservation again.
      expect((await refusal(consumeReservation(db, { ...member, reservationId: 'res-1', saleId: 's10' }))).code).toBe(
        'reservation_not_open',
      );

      await reservePointsAtHub(db, reserve('res-3', 30, minutes(5)));
      const released = await releasePointsAtHub(db, { ...member, reservationId: 'res-3', now: minutes(6) });
      expect(released).toEqual({ reservationId: 'res-3', released: true, available: 40 });
      expect(await releasePointsAtHub(db, { ...member, reservationId: 'res-3', now: minutes(7) })).toEqual(released);
      expect(await releasePointsAtHub(db, { ...member, reservationId: 'res-1', now: minutes(8) })).toMatchObject({ released: false });
      expect(await loyaltyBalanceAtHub(db, { ...member, now: minutes(9) })).toMatchObject({ available: 40, reserved: 0, redeemed: 60 });
    });

    it('bounds a reservation: a positive number of points, an end after now and within 24 hours', async () => {
      const { db } = ctx();
      await earnPoints(db, earnOf('s1'), minutes(0));
      expect((await refusal(reservePointsAtHub(db, reserve('res-1', 0)))).code).toBe('invalid_amount');
      expect((await refusal(reservePointsAtHub(db, { ...reserve('res-1', 5), until: minutes(-1) }))).code).toBe('invalid_ledger_request');
      expect((await refusal(reservePointsAtHub(db, { ...reserve('res-1', 5), until: minutes(24 * 60 + 2) }))).code).toBe(
        'invalid_ledger_request',
      );
      expect((await refusal(reservePointsAtHub(db, { ...reserve('res:1', 5) }))).code).toBe('invalid_ledger_request');
    });

    it('releases a reservation past its end lazily: it no longer counts, and can no longer be consumed', async () => {
      const { db } = ctx();
      await earnPoints(db, earnOf('s1'), minutes(0));
      await reservePointsAtHub(db, reserve('res-1', 100));
      expect(await loyaltyBalanceAtHub(db, { ...member, now: minutes(29) })).toMatchObject({ available: 0, reserved: 100 });
      expect(await loyaltyBalanceAtHub(db, { ...member, now: minutes(31) })).toMatchObject({ available: 100, reserved: 0 });
      expect((await refusal(consumeReservation(db, { ...member, reservationId: 'res-1', saleId: 's9', now: minutes(31) }))).code).toBe(
        'reservation_not_open',
      );
      expect(await reservePointsAtHub(db, { ...reserve('res-2', 100, minutes(32)), until: minutes(60) })).toMatchObject({ available: 0 });
    });

    it('reverses points pro rata on returns, once each, and records a debt rather than going below zero', async () => {
      const { db } = ctx();
      await earnPoints(db, earnOf('s1'), minutes(0));
      const half = { ...member, saleId: 's1', returnId: 'ret-1', refunded: 6_000, now: minutes(1) };
      const first = await reversePoints(db, half);
      expect(first).toEqual({ entryId: 'reverse:ret-1', points: 50, refunded: 6_000, available: 50, debt: 0 });
      expect(await reversePoints(db, { ...half, now: minutes(2) })).toEqual(first);
      // The member spends what is left, then the rest of the sale comes back: the balance stays at 0, the rest is owed.
      await reservePointsAtHub(db, reserve('res-1', 50, minutes(3)));
      await consumeReservation(db, { ...member, reservationId: 'res-1', saleId: 's2', now: minutes(4) });
      const rest = await reversePoints(db, { ...half, returnId: 'ret-2', now: minutes(5) });
      expect(rest).toEqual({ entryId: 'reverse:ret-2', points: 50, refunded: 6_000, available: 0, debt: 50 });
      const balance = await loyaltyBalanceAtHub(db, { ...member, now: minutes(6) });
      expect(balance).toMatchObject({ available: 0, debt: 50, reversed: 100 });
      expect(balance.debts).toEqual([{ entryId: 'reverse:ret-2', kind: 'reverse', points: 50 }]);
      // Nothing is left to take back; the next earn repays the debt first.
      expect(await reversePoints(db, { ...half, returnId: 'ret-3', refunded: 100, now: minutes(7) })).toMatchObject({ points: 0 });
      expect(await earnPoints(db, earnOf('s3', 12_000, minutes(8)), minutes(9))).toMatchObject({ available: 50 });
    });

    it('keeps what small returns refunded, so they add up to the points of the sale', async () => {
      const { db } = ctx();
      await earnPoints(db, earnOf('s1', 300), minutes(0)); // 2 points on 2.50 € before VAT
      const small = { ...member, saleId: 's1', refunded: 100, now: minutes(1) };
      const taken = [];
      for (const returnId of ['r1', 'r2', 'r3']) taken.push((await reversePoints(db, { ...small, returnId })).points);
      expect(taken.reduce((a, b) => a + b, 0)).toBe(2);
      expect((await refusal(reversePoints(db, { ...small, returnId: 'r1', refunded: 200 }))).code).toBe('ledger_entry_conflict');
    });

    it('adjusts with who and why, never taking more than is free', async () => {
      const { db } = ctx();
      const gift = { ...member, adjustmentId: 'adj-1', points: 25, reason: 'Goodwill', staffId: 'ana', now: minutes(1) };
      const first = await adjustPoints(db, gift);
      expect(first).toEqual({ entryId: 'adjust:adj-1', points: 25, available: 25 });
      expect(await adjustPoints(db, { ...gift, now: minutes(2) })).toEqual(first);
      expect((await refusal(adjustPoints(db, { ...gift, adjustmentId: 'adj-2', points: -26 }))).code).toBe('insufficient_points');
      expect((await refusal(adjustPoints(db, { ...gift, adjustmentId: 'adj-2', points: 0 }))).code).toBe('invalid_ledger_request');
      expect(await adjustPoints(db, { ...gift, adjustmentId: 'adj-3', points: -5, now: minutes(3) })).toMatchObject({ available: 20 });
      const [row] = await db.query<{ entry: { staffId: string; reason: string } }>(
        "SELECT entry FROM loyalty_entries WHERE entry_id = 'adjust:adj-1'",
      );
      expect(row!.entry).toMatchObject({ staffId: 'ana', reason: 'Goodwill' });
    });

    it('a member without entries has nothing', async () => {
      const { db } = ctx();
      expect(await loyaltyBalanceAtHub(db, { customerId: 'nobody', programId: 'club' })).toMatchObject({ available: 0, reserved: 0 });
      expect(await loyaltyBalanceAtHub(db, { ...member, now: minutes(1), program })).toMatchObject({ tier: { id: 'member' } });
    });

    it('20 reservations at once on a balance that covers one: exactly one succeeds', async () => {
      const { db, url } = ctx();
      await earnPoints(db, earnOf('s1'), minutes(0));
      // On PostgreSQL, two hub instances (two pools) as two stores would reach it.
      const other = url ? await ctx().openAnother() : db;
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => reservePointsAtHub(i % 2 === 0 ? db : other, reserve(`res-${i}`, 80))),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as HubError).code).toBe('insufficient_points');
      const balance = await loyaltyBalanceAtHub(db, { ...member, now: minutes(2) });
      expect(balance).toMatchObject({ available: 20, reserved: 80 });
    });
  });
}
