import fc from 'fast-check';
import type { EventPayload } from '../../fiscal/events';
import type { Tender } from '../../payment/tender';
import { vatFromInclusive } from '../../tax/vat-breakdown';
import type { CashMovement } from '../cash-expected';
import type { ClosingSale } from '../closing-sale';

/** Sale documents shaped as the till seals them (VAT rows per rate, tenders with change), for closing tests. */

export type DocLine = { readonly rateBp: number; readonly net: number; readonly salespersonId?: string };

export type DocOptions = {
  readonly saleId: string;
  readonly lines: readonly DocLine[];
  readonly staffId?: string;
  readonly kind?: 'sale' | 'return';
  /** Paid by an approved card (at most the total); cash pays the rest. */
  readonly card?: number;
  /** A card declined before, which took nothing. */
  readonly declinedCard?: number;
  /** Cash handed over above what cash pays. */
  readonly extraCash?: number;
  readonly discountTotal?: number;
  readonly completedAt?: string;
  readonly businessDate?: string;
  readonly training?: true;
};

export function closingDoc(o: DocOptions): ClosingSale & { readonly tenders: readonly Tender[] } {
  const total = o.lines.reduce((acc, l) => acc + l.net, 0);
  const byRate = new Map<number, number>();
  for (const l of o.lines) byRate.set(l.rateBp, (byRate.get(l.rateBp) ?? 0) + l.net);
  const vat = [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateBp, inclusive]) => ({ rateBp, inclusive, ...vatFromInclusive(inclusive, rateBp) }));
  const card = Math.min(o.card ?? 0, total);
  const cash = total - card;
  const extra = o.extraCash ?? 0;
  const tenders: Tender[] = [
    ...(o.declinedCard ? [{ id: 'd', method: 'card' as const, amount: o.declinedCard, status: 'declined' as const, attemptKey: 'd' }] : []),
    ...(card > 0 ? [{ id: 'c', method: 'card' as const, amount: card, status: 'approved' as const, attemptKey: 'c' }] : []),
    ...(cash > 0 ? [{ id: 'm', method: 'cash' as const, amount: cash, tendered: cash + extra, change: extra, rounding: 0 }] : []),
  ];
  return {
    saleId: o.saleId,
    staffId: o.staffId ?? 'staff-ana',
    currency: 'EUR',
    completedAt: o.completedAt ?? '2026-12-06T10:00:00.000Z',
    total,
    discountTotal: o.discountTotal ?? 0,
    cashRounding: 0,
    vat,
    tenders,
    lines: o.lines,
    ...(o.kind ? { kind: o.kind } : {}),
    ...(o.businessDate ? { businessDate: o.businessDate } : {}),
    ...(o.training ? { training: o.training } : {}),
  };
}

export function voidEvent(total: number): EventPayload {
  return { type: 'sale.void', saleId: `v-${total}`, staffId: 'staff-ana', lineCount: 1, total, currency: 'EUR', lines: [] };
}

const STAFF = ['staff-ana', 'staff-ben', 'staff-cat'];
const START = Date.parse('2026-12-01T03:00:00Z');
const END = Date.parse('2026-12-31T22:59:00Z');

const lineArb: fc.Arbitrary<DocLine> = fc.record(
  {
    rateBp: fc.constantFrom(0, 210, 550, 1000, 2000),
    net: fc.integer({ min: 0, max: 50_000 }),
    salespersonId: fc.constantFrom('staff-ana', 'staff-zoe', 'staff-yan'),
  },
  { requiredKeys: ['rateBp', 'net'] },
);

/** A random document of December 2026 (Paris, business days from 04:00 stay in December). */
export const docArb = (saleId: string): fc.Arbitrary<ClosingSale & { readonly tenders: readonly Tender[] }> =>
  fc
    .record({
      lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
      staffId: fc.constantFrom(...STAFF),
      kind: fc.constantFrom<'sale' | 'return' | undefined>(undefined, 'sale', 'sale', 'return'),
      card: fc.integer({ min: 0, max: 200_000 }),
      declinedCard: fc.integer({ min: 0, max: 3_000 }),
      extraCash: fc.integer({ min: 0, max: 5_000 }),
      discountTotal: fc.integer({ min: 0, max: 2_000 }),
      at: fc.integer({ min: START / 60_000, max: END / 60_000 }),
      training: fc.constantFrom<true | undefined>(undefined, undefined, undefined, undefined, true),
    })
    .map((r) =>
      closingDoc({
        saleId,
        lines: r.lines,
        staffId: r.staffId,
        ...(r.kind ? { kind: r.kind } : {}),
        card: r.card,
        declinedCard: r.declinedCard,
        extraCash: r.kind === 'return' ? 0 : r.extraCash,
        discountTotal: r.discountTotal,
        completedAt: new Date(r.at * 60_000).toISOString(),
        ...(r.training ? { training: r.training } : {}),
      }),
    );

/** Up to 40 documents, numbered in order. */
export const docsArb: fc.Arbitrary<(ClosingSale & { readonly tenders: readonly Tender[] })[]> = fc
  .array(docArb('sale'), { maxLength: 40 })
  .map((docs) => docs.map((d, i) => ({ ...d, saleId: `sale-${i + 1}` })));

export const movementArb: fc.Arbitrary<CashMovement> = fc.record({
  kind: fc.constantFrom<CashMovement['kind']>('pay-in', 'pay-out', 'safe-drop'),
  amount: fc.integer({ min: 0, max: 20_000 }),
});
