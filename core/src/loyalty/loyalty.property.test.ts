import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earn } from '../test-support/loyalty-entries';
import { loyaltyBalance } from './loyalty-balance';
import type { LoyaltyEntry } from './loyalty-entries';
import { loyaltyReversal } from './loyalty-reversal';

const START = Date.UTC(2026, 0, 1);
const instant = (minutes: number): string => new Date(START + minutes * 60_000).toISOString();
/** About two years of minutes: long enough for 12-month expiries to pass. */
const SPAN = 2 * 365 * 24 * 60;
const NOW = instant(SPAN);

type Step = { kind: number; minute: number; points: number; ref: number; expires: boolean };

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.integer({ min: 0, max: 7 }),
  minute: fc.integer({ min: 0, max: SPAN }),
  points: fc.integer({ min: 1, max: 1000 }),
  ref: fc.nat(),
  expires: fc.boolean(),
});

/** A ledger of every kind of entry, each id once, at random instants; references point at earlier-made ids. */
function ledgerOf(steps: readonly Step[]): LoyaltyEntry[] {
  const entries: LoyaltyEntry[] = [];
  const reservations: string[] = [];
  const lots: string[] = [];
  steps.forEach((s, i) => {
    const at = instant(s.minute);
    const pick = (ids: readonly string[]) => ids[s.ref % Math.max(1, ids.length)];
    switch (s.kind) {
      case 0:
      case 1: {
        const e = earn(`s${i}`, s.points, '2026-01-01', {
          at,
          ...(s.expires ? { expiresAt: instant(s.minute + 365 * 24 * 60) } : { expiresAt: undefined }),
        });
        const { expiresAt, ...rest } = e;
        entries.push(expiresAt ? e : rest);
        lots.push(e.id);
        break;
      }
      case 2:
        entries.push({
          kind: 'redeem',
          id: `redeem:s${i}`,
          at,
          points: s.points,
          saleId: `s${i}`,
          ...(reservations.length && s.expires ? { reservationId: pick(reservations)! } : {}),
        });
        break;
      case 3:
        entries.push({ kind: 'reserve', id: `res-${i}`, at, points: s.points, until: instant(s.minute + (s.ref % 3000)) });
        reservations.push(`res-${i}`);
        break;
      case 4:
        if (reservations.length) entries.push({ kind: 'release', id: `release:${i}`, at, reservationId: pick(reservations)! });
        break;
      case 5:
        entries.push({ kind: 'adjust', id: `adj-${i}`, at, points: s.expires ? s.points : -s.points, reason: 'test', staffId: 'st' });
        break;
      case 6:
        entries.push({ kind: 'reverse', id: `reverse:r${i}`, at, points: s.points, saleId: `s${s.ref}`, returnId: `r${i}` });
        break;
      case 7:
        if (lots.length) entries.push({ kind: 'expire', id: `expire:${i}`, at, lotId: pick(lots)! });
        break;
    }
  });
  return entries;
}

const ledger = fc.array(step, { minLength: 0, maxLength: 30 }).map(ledgerOf);
const RUNS = { numRuns: 200 };

describe('loyalty ledger properties', () => {
  it('the balance does not depend on the order of the entries, nor on entries applied twice', () => {
    fc.assert(
      fc.property(
        ledger.chain((entries) =>
          fc.tuple(
            fc.constant(entries),
            fc.shuffledSubarray(entries),
            fc.shuffledSubarray([...entries, ...entries], { minLength: entries.length * 2 }),
          ),
        ),
        ([entries, dupes, shuffled]) => {
          const once = loyaltyBalance(entries, NOW);
          expect(loyaltyBalance([...shuffled], NOW)).toEqual(once);
          expect(loyaltyBalance([...entries, ...dupes], NOW)).toEqual(once);
        },
      ),
      RUNS,
    );
  });

  it('never goes below zero: what was taken beyond the balance is debt, and every point is accounted for', () => {
    fc.assert(
      fc.property(ledger, fc.integer({ min: 0, max: SPAN }), (entries, minute) => {
        const b = loyaltyBalance(entries, instant(minute));
        expect(b.available).toBeGreaterThanOrEqual(0);
        expect(b.reserved).toBeGreaterThanOrEqual(0);
        expect(b.debt).toBeGreaterThanOrEqual(0);
        if (b.debt > 0) {
          expect(b.available).toBe(0);
          expect(b.debts.reduce((acc, d) => acc + d.points, 0)).toBeGreaterThanOrEqual(b.debt);
        }
        expect(b.available + b.reserved - b.debt).toBe(b.earned + b.adjusted - b.redeemed - b.reversed - b.expired);
      }),
      RUNS,
    );
  });

  it('a reservation released leaves the balance as it was', () => {
    fc.assert(
      fc.property(ledger, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: SPAN - 10 }), (entries, points, minute) => {
        const reserved: LoyaltyEntry[] = [
          ...entries,
          { kind: 'reserve', id: 'res-x', at: instant(minute), points, until: instant(minute + 60) },
          { kind: 'release', id: 'release:res-x', at: instant(minute + 1), reservationId: 'res-x' },
        ];
        // The figures, not the history of debts: a spend made while the points were set aside is
        // short for that minute (a debt repaid by the release), which the history rightly shows.
        const { debts: _a, ...without } = loyaltyBalance(entries, NOW);
        const { debts: _b, ...withIt } = loyaltyBalance(reserved, NOW);
        expect(withIt).toEqual(without);
      }),
      RUNS,
    );
  });

  it('several partial returns never take back more than the sale earned, and all of it once everything came back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (points, saleTotal, cuts, all) => {
          const earned = earn('s1', points, '2026-01-10', { saleTotal, basis: saleTotal });
          const weights = cuts.reduce((acc, c) => acc + c, 0);
          // The sale's total cut in returns: all of it, or less.
          const target = all ? saleTotal : Math.floor(saleTotal / 2);
          let before = 0;
          let taken = 0;
          cuts.forEach((cut, i) => {
            const refunded = i === cuts.length - 1 ? target - before : Math.floor((target * cut) / weights);
            const reversal = loyaltyReversal(earned, {
              returnId: `r${i}`,
              at: '2026-02-01T00:00:00.000Z',
              refunded,
              refundedBefore: before,
            });
            before += refunded;
            taken += reversal?.points ?? 0;
            expect(taken).toBeLessThanOrEqual(points);
          });
          if (all) expect(taken).toBe(points);
        },
      ),
      RUNS,
    );
  });
});
