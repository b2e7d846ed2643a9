import type { LoyaltyEarnEntry, LoyaltyEntry } from '../loyalty/loyalty-entries';

/** Ledger entries for tests, written short: `earn('s1', 100, '2026-01-10')` earned on 10 January at noon, kept 12 months. */
export const at = (day: string): string => `${day}T12:00:00.000Z`;

export function earn(saleId: string, points: number, day: string, extra: Partial<LoyaltyEarnEntry> = {}): LoyaltyEarnEntry {
  const year = Number(day.slice(0, 4)) + 1;
  return {
    kind: 'earn',
    id: `earn:${saleId}`,
    at: at(day),
    customerId: 'cus-1',
    programId: 'club',
    programVersion: 1,
    saleId,
    points,
    rule: 'spend',
    basis: points * 100,
    saleTotal: points * 120,
    expiresAt: at(`${year}${day.slice(4)}`),
    ...extra,
  };
}

export const redeem = (saleId: string, points: number, day: string, extra: object = {}): LoyaltyEntry => ({
  kind: 'redeem',
  id: `redeem:${saleId}`,
  at: at(day),
  points,
  saleId,
  ...extra,
});

export const reverse = (returnId: string, saleId: string, points: number, day: string): LoyaltyEntry => ({
  kind: 'reverse',
  id: `reverse:${returnId}`,
  at: at(day),
  points,
  saleId,
  returnId,
});

export const reserve = (id: string, points: number, day: string, until = at(`${day.slice(0, 8)}28`)): LoyaltyEntry => ({
  kind: 'reserve',
  id,
  at: at(day),
  points,
  until,
});

export const release = (reservationId: string, day: string): LoyaltyEntry => ({
  kind: 'release',
  id: `release:${reservationId}`,
  at: at(day),
  reservationId,
});

export const adjust = (id: string, points: number, day: string): LoyaltyEntry => ({
  kind: 'adjust',
  id,
  at: at(day),
  points,
  reason: 'goodwill',
  staffId: 'staff-1',
});
