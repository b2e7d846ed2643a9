import { describe, expect, it } from 'vitest';
import type { HubError } from '../errors/hub-error';
import { ledgerInstant } from './ledger-clock';
import { checkRequest, requireReservationEnd } from './ledger-inputs';

function problemsOf(work: () => void): readonly string[] {
  try {
    work();
  } catch (error) {
    expect((error as HubError).code).toBe('invalid_ledger_request');
    return (error as HubError).details.problems as string[];
  }
  return [];
}

describe('ledger request checks', () => {
  it('lists every field out of its form at once, optional ones only when given', () => {
    const request = { customerId: 'cus-1', saleId: 'a:b', until: '2026-04-02', currency: 'EUR', expiresAt: undefined };
    expect(
      problemsOf(() =>
        checkRequest(request, {
          id: ['customerId', 'saleId', 'tillId'],
          instant: ['until'],
          currency: ['currency'],
          optionalInstant: ['expiresAt'],
        }),
      ),
    ).toEqual([
      'saleId must be 1 to 64 letters, digits, ".", "_" or "-"',
      'tillId must be 1 to 64 letters, digits, ".", "_" or "-"',
      'until must be a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ',
    ]);
    expect(problemsOf(() => checkRequest({ programId: 'x'.repeat(65) }, { id: ['programId'] }, 'earn'))).toEqual([
      'earn.programId must be 1 to 64 letters, digits, ".", "_" or "-"',
    ]);
    expect(problemsOf(() => checkRequest({ a: 'ok', c: 'eur' }, { id: ['a'], optionalCurrency: ['c'] }))).toHaveLength(1);
  });

  it('bounds a reservation to the next 24 hours', () => {
    const at = '2026-04-02T10:00:00.000Z';
    expect(problemsOf(() => requireReservationEnd('2026-04-02T10:30:00.000Z', at))).toEqual([]);
    expect(problemsOf(() => requireReservationEnd('2026-04-03T10:00:00.000Z', at))).toEqual([]);
    expect(problemsOf(() => requireReservationEnd('2026-04-03T10:00:00.001Z', at))).toHaveLength(1);
    expect(problemsOf(() => requireReservationEnd(at, at))).toHaveLength(1);
  });

  it('never writes an entry before the last one the hub wrote for the account', () => {
    expect(ledgerInstant('2026-04-02T10:00:00.000Z', null)).toBe('2026-04-02T10:00:00.000Z');
    expect(ledgerInstant('2026-04-02T10:00:00.000Z', '2026-04-02T10:00:00.250Z')).toBe('2026-04-02T10:00:00.251Z');
    // Never the same instant twice for one account: the replay keeps the order of decisions.
    expect(ledgerInstant('2026-04-02T10:00:00.250Z', '2026-04-02T10:00:00.250Z')).toBe('2026-04-02T10:00:00.251Z');
    expect(ledgerInstant('2026-04-02T10:00:01.000Z', '2026-04-02T10:00:00.250Z')).toBe('2026-04-02T10:00:01.000Z');
  });
});
