import { addDays, type SalePayloadV1 } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { feedSaleDirectly } from '../test-support/direct-feed';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';
import { checkRange, comparisonRanges, dashboard, dashboardComparison, yearBefore, type DashboardRange } from './dashboard-queries';
import { projectStoreReports } from './reporting-projector';

/** A small deterministic generator (mulberry32): the same sales every run, different ones per seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_DAY = '2026-11-16';
const DAYS = 6;
const STORES = ['S1', 'S2'];

/** A random sale or return of a store: pieces and weights, discounts, salespeople, cash with a card or a declined one, any hour. */
function randomSale(rand: () => number, storeId: string, n: number): SalePayloadV1 {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const tillId = pick(['T1', 'T2']);
  const lines = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => {
    const weighed = rand() < 0.2;
    return {
      lineId: `l${i}`,
      productId: `prd-${i}-${Math.floor(rand() * 5)}`,
      quantity: weighed ? 100 + Math.floor(rand() * 900) : 1 + Math.floor(rand() * 3),
      ...(weighed ? { measure: 'weight' as const } : {}),
    };
  });
  const completedAt = new Date(
    Date.parse(`${addDays(FIRST_DAY, Math.floor(rand() * DAYS))}T00:00:00Z`) + Math.floor(rand() * 86_400_000),
  ).toISOString();
  const isReturn = rand() < 0.15;
  const id = `${storeId}-${n}`;
  const sale = saleWithLines(
    { storeId, tillId },
    id,
    lines,
    completedAt,
    isReturn
      ? { returnOf: { saleId: 'earlier', receipt: 'R', lines: lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) } }
      : {},
  ) as SalePayloadV1;
  const withCredit = sale.lines.map((l) => ({
    ...l,
    lineDiscount: rand() < 0.3 ? Math.min(l.net, 10) : 0,
    ...(rand() < 0.3 ? { salespersonId: pick(['sp-1', 'sp-2']) } : {}),
  }));
  const card = Math.floor(sale.total / 2);
  const tenders =
    rand() < 0.4 && card > 0
      ? [
          { id: 'card-1', method: 'card' as const, amount: card, status: 'approved' as const, attemptKey: 'a1' },
          { id: 'card-2', method: 'card' as const, amount: 999, status: 'declined' as const, attemptKey: 'a2' },
          { ...sale.tenders[0]!, amount: sale.total - card },
        ]
      : sale.tenders;
  return {
    ...sale,
    staffId: pick(['c1', 'c2', 'c3']),
    lines: withCredit,
    discountTotal: withCredit.reduce((acc, l) => acc + l.lineDiscount, 0),
    tenders,
  } as SalePayloadV1;
}

function randomRange(rand: () => number): DashboardRange {
  const a = Math.floor(rand() * (DAYS + 2)) - 1;
  const b = a + Math.floor(rand() * 4);
  const stores = rand() < 0.5 ? STORES : [STORES[Math.floor(rand() * 2)]!];
  return { stores, from: addDays(FIRST_DAY, a), to: addDays(FIRST_DAY, b) };
}

describe('dashboard ranges', () => {
  it('compares with the days just before and the same dates a year before (29 February: the 28th)', () => {
    expect(comparisonRanges({ stores: ['S1'], from: '2026-03-01', to: '2026-03-31' })).toEqual({
      previous: { stores: ['S1'], from: '2026-01-29', to: '2026-02-28' },
      lastYear: { stores: ['S1'], from: '2025-03-01', to: '2025-03-31' },
    });
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('refuses a range out of bounds', () => {
    expect(() => checkRange({ stores: Array.from({ length: 1001 }, (_, i) => `S${i}`), from: '2026-01-01', to: '2026-01-01' })).toThrow(
      RangeError,
    );
    expect(() => checkRange({ stores: ['S1'], from: '2026-01-02', to: '2026-01-01' })).toThrow(RangeError);
    expect(() => checkRange({ stores: ['S1'], from: '2026-02-30', to: '2026-03-01' })).toThrow(RangeError);
    expect(() => checkRange({ stores: ['S1'], from: '2020-01-01', to: '2026-01-01' })).toThrow(RangeError);
  });
});

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`dashboard queries on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;

    it('the roll-ups answer exactly what the facts answer, for random sales and random ranges, projected in small steps', async () => {
      const rand = random(13);
      const sales: SalePayloadV1[] = [];
      await ctx().hub.projectors!.reports.close();
      try {
        for (let n = 0; n < 120; n++) {
          const sale = randomSale(rand, STORES[n % 2]!, n);
          sales.push(sale);
          await feedSaleDirectly(db(), sale.storeId, sale.tillId, { id: sale.saleId, record: { payload: sale } });
        }
        for (const store of STORES) {
          for (let steps = 0; steps < 100; steps++) if ((await projectStoreReports(db(), store, 7)).records === 0) break;
        }
      } finally {
        await ctx().hub.projectors!.reports.start();
      }
      const whole = { stores: STORES, from: addDays(FIRST_DAY, -1), to: addDays(FIRST_DAY, DAYS) };
      const board = await dashboard(db(), whole);
      // What the generated sales add up to, independently of both.
      const signed = (s: SalePayloadV1) => (s.kind === 'return' ? -s.total : s.total);
      expect(board.totals.netIncl).toBe(sales.reduce((acc, s) => acc + signed(s), 0));
      expect(board.totals.tickets).toBe(sales.filter((s) => s.kind === 'sale').length);
      expect(board.totals.returns).toBe(sales.filter((s) => s.kind === 'return').length);
      expect(board.by.tender.map((t) => t.key)).toEqual(['card', 'cash']);
      expect(board.by.salesperson.map((t) => t.key)).toEqual(expect.arrayContaining(['c1', 'sp-1', 'sp-2']));
      expect(await dashboard(db(), whole, 'facts')).toEqual(board);
      for (let i = 0; i < 8; i++) {
        const range = randomRange(rand);
        expect(await dashboard(db(), range, 'facts'), JSON.stringify(range)).toEqual(await dashboard(db(), range));
        expect(await dashboardComparison(db(), range, 'facts')).toEqual(await dashboardComparison(db(), range));
      }
    });
  });
}
