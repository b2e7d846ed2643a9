import type { CashMovementPayload, CashSessionClosePayload, CashSessionOpenPayload, TenderClose } from '../cash-session-payloads';

/** Session cs-1 of till T01, opened by Ana on 6 December 2026 with a 150.00 float (100 € + 50 €). */
export const SESSION: CashSessionOpenPayload = {
  type: 'cash.session.open',
  sessionId: 'cs-1',
  tillId: 'T01',
  staffId: 'staff-ana',
  openedAt: '2026-12-06T07:30:00.000Z',
  businessDate: '2026-12-06',
  currency: 'EUR',
  float: { count: { '10000': 1, '5000': 1 }, total: 15_000 },
};

export function movement(movementId: string, kind: CashMovementPayload['kind'], amount: number, reason = 'r'): CashMovementPayload {
  return { type: 'cash.movement', sessionId: 'cs-1', movementId, kind, amount, reason, staffId: 'staff-ana' };
}

/** The close of cs-1 by Ana at 19:00 with the default limit. */
export function closePayload(tenders: readonly TenderClose[], more: Partial<CashSessionClosePayload> = {}): CashSessionClosePayload {
  return {
    type: 'cash.session.close',
    sessionId: 'cs-1',
    closedAt: '2026-12-06T19:00:00.000Z',
    staffId: 'staff-ana',
    currency: 'EUR',
    varianceLimit: 500,
    tenders,
    ...more,
  };
}
