import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerRefusal } from '../ledger/ledger-refusal';
import { storedValueBalance } from './stored-value-balance';
import type { StoredValueEntry } from './stored-value-entries';
import { issueCard, redeemStoredValue, reloadCard } from './stored-value-operations';

const START = Date.UTC(2026, 0, 1);
const instant = (minutes: number): string => new Date(START + minutes * 60_000).toISOString();
const SPAN = 400 * 24 * 60;
const NOW = instant(SPAN);
const cardId = 'gc-1';

type Step = { kind: number; minute: number; amount: number; ref: number; flag: boolean };

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.integer({ min: 0, max: 7 }),
  minute: fc.integer({ min: 0, max: SPAN }),
  amount: fc.integer({ min: 1, max: 20_000 }),
  ref: fc.nat(),
  flag: fc.boolean(),
});

/** A card's ledger with every kind of entry at random instants, each id once. */
function ledgerOf(steps: readonly Step[]): StoredValueEntry[] {
  const entries: StoredValueEntry[] = [
    { kind: 'issue', id: 'issue:gc-1', at: instant(0), cardId, cardKind: 'gift_card', currency: 'EUR', amount: 10_000 },
  ];
  const reservations: string[] = [];
  steps.forEach((s, i) => {
    const at = instant(s.minute);
    const expiresAt = s.flag ? { expiresAt: instant(s.minute + 180 * 24 * 60) } : {};
    const pick = () => reservations[s.ref % reservations.length]!;
    switch (s.kind) {
      case 0:
        entries.push({ kind: 'reload', id: `reload:s${i}:gc-1`, at, cardId, amount: s.amount, saleId: `s${i}`, ...expiresAt });
        break;
      case 1:
      case 2:
        entries.push({
          kind: 'redeem',
          id: `redeem:s${i}:t1`,
          at,
          cardId,
          amount: s.amount,
          saleId: `s${i}`,
          tenderId: 't1',
          ...(s.flag && reservations.length ? { reservationId: pick() } : {}),
        });
        break;
      case 3:
        entries.push({ kind: 'reserve', id: `res-${i}`, at, cardId, amount: s.amount, until: instant(s.minute + (s.ref % 600)) });
        reservations.push(`res-${i}`);
        break;
      case 4:
        if (reservations.length) entries.push({ kind: 'release', id: `release:${i}`, at, cardId, reservationId: pick() });
        break;
      case 5:
        entries.push({
          kind: 'refund',
          id: `refund:r${i}:gc-1`,
          at,
          cardId,
          amount: s.amount,
          returnId: `r${i}`,
          saleId: `s${s.ref}`,
          ...expiresAt,
        });
        break;
      case 6:
        entries.push({ kind: 'expire', id: `expire:${i}`, at, cardId, ...(s.flag ? {} : { lotId: 'issue:gc-1' }) });
        break;
      case 7:
        if (s.ref % 5 === 0) entries.push({ kind: 'cancel', id: 'cancel:gc-1', at, cardId, reason: 'lost', staffId: 'st' });
        break;
    }
  });
  return entries;
}

const ledger = fc.array(step, { maxLength: 25 }).map(ledgerOf);
const RUNS = { numRuns: 200 };

describe('stored value ledger properties', () => {
  it('the balance does not depend on the order of the entries, nor on entries applied twice', () => {
    fc.assert(
      fc.property(
        ledger.chain((entries) =>
          fc.tuple(fc.constant(entries), fc.shuffledSubarray([...entries, ...entries], { minLength: entries.length * 2 })),
        ),
        ([entries, shuffled]) => {
          expect(storedValueBalance(shuffled, NOW)).toEqual(storedValueBalance(entries, NOW));
        },
      ),
      RUNS,
    );
  });

  it('never goes below zero: a spend beyond the balance is an overdraft, and every cent is accounted for', () => {
    fc.assert(
      fc.property(ledger, fc.integer({ min: 0, max: SPAN }), (entries, minute) => {
        const b = storedValueBalance(entries, instant(minute));
        expect(Math.min(b.available, b.reserved, b.overdraft)).toBeGreaterThanOrEqual(0);
        if (b.overdraft > 0) expect(b.overdrafts.reduce((acc, o) => acc + o.amount, 0)).toBeGreaterThanOrEqual(b.overdraft);
        expect(b.available + b.reserved - b.overdraft).toBe(b.loaded + b.refunded - b.redeemed - b.expired - b.voided);
      }),
      RUNS,
    );
  });

  it('a reservation released leaves the balance as it was', () => {
    fc.assert(
      fc.property(ledger, fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: SPAN - 10 }), (entries, amount, minute) => {
        const reserved: StoredValueEntry[] = [
          ...entries,
          { kind: 'reserve', id: 'res-x', at: instant(minute), cardId, amount, until: instant(minute + 60) },
          { kind: 'release', id: 'release:res-x', at: instant(minute + 1), cardId, reservationId: 'res-x' },
        ];
        const { overdrafts: _a, ...without } = storedValueBalance(entries, NOW);
        const { overdrafts: _b, ...withIt } = storedValueBalance(reserved, NOW);
        expect(withIt).toEqual(without);
      }),
      RUNS,
    );
  });

  it('partial redemptions the checks accept never add up to more than was loaded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 30_000 }), { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 8 }),
        (first, reloads, asks) => {
          const entries: StoredValueEntry[] = [];
          const at = (i: number) => instant(i);
          entries.push(
            issueCard(storedValueBalance(entries, NOW), {
              cardId,
              cardKind: 'gift_card',
              currency: 'EUR',
              amount: first,
              at: at(0),
              saleId: 's0',
            }),
          );
          reloads.forEach((amount, i) =>
            entries.push(reloadCard(storedValueBalance(entries, NOW), { cardId, amount, at: at(1 + i), saleId: `l${i}` })),
          );
          const loaded = first + reloads.reduce((acc, r) => acc + r, 0);
          let spent = 0;
          asks.forEach((amount, i) => {
            try {
              entries.push(
                redeemStoredValue(storedValueBalance(entries, NOW), amount, { cardId, saleId: `s${i}`, tenderId: 't1', at: at(10 + i) }),
              );
              spent += amount;
            } catch (error) {
              if (!(error instanceof LedgerRefusal) || error.code !== 'insufficient_balance') throw error;
            }
          });
          const b = storedValueBalance(entries, NOW);
          expect(spent).toBeLessThanOrEqual(loaded);
          expect(b).toMatchObject({ available: loaded - spent, redeemed: spent, overdraft: 0 });
        },
      ),
      RUNS,
    );
  });
});
