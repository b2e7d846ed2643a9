import { PosError } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { createI18n, LOCALES } from '../../i18n/i18n';
import { saleSessionId, useCashStore } from './cash-store';
import { CASH_REFUSALS, cashErrorMessage, COUNT_REFUSALS } from './cash-words';
import { countEntry, quantityOf, stepQuantity } from './count-entry';
import { defaultPeriod, shiftPeriod } from './period';

describe('a drawer count as typed', () => {
  it('keeps only what was counted, keyed by value in cents, with its total', () => {
    expect(countEntry({ '2000': '5', '100': '2', '50': '', '1': '0' }, 'EUR')).toEqual({
      ok: true,
      count: { '2000': 5, '100': 2 },
      total: 10_200,
    });
  });

  it('refuses what is not a whole quantity, and a currency with no notes, by core’s codes', () => {
    expect(countEntry({ '2000': '1,5' }, 'EUR')).toEqual({ ok: false, code: 'count-quantity-invalid', key: '2000' });
    expect(countEntry({}, 'XXX')).toEqual({ ok: false, code: 'count-currency-unknown' });
    expect(quantityOf(' 12 ')).toBe(12);
    expect(quantityOf('1000000')).toBeNull();
  });

  it('steps a quantity, never below zero', () => {
    expect(stepQuantity('', 1)).toBe('1');
    expect(stepQuantity('0', -1)).toBe('0');
    expect(stepQuantity('abc', 1)).toBe('1');
  });
});

describe('closing periods', () => {
  it('proposes today’s business day, the month and the year just ended', () => {
    // 02:30 in Paris on 1 January, with days starting at 04:00: still 31 December.
    const now = '2027-01-01T01:30:00.000Z';
    expect(defaultPeriod('day', now, 'Europe/Paris', 4)).toBe('2026-12-31');
    expect(defaultPeriod('month', '2027-01-15T12:00:00.000Z', 'Europe/Paris')).toBe('2026-12');
    expect(defaultPeriod('year', '2027-01-15T12:00:00.000Z', 'Europe/Paris')).toBe('2026');
  });

  it('moves a day, a month or a year at a time', () => {
    expect(shiftPeriod('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftPeriod('month', '2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('month', '2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('year', '2026', -1)).toBe('2025');
  });
});

describe('every cash refusal is said in French and in English', () => {
  const sentence = (dict: unknown, code: string) =>
    ((dict as { cash: { errors: Record<string, unknown> } }).cash.errors[code] ?? '') as string;

  it.each([...CASH_REFUSALS, ...COUNT_REFUSALS])('%s', (code) => {
    for (const dict of [fr, en]) expect(sentence(dict, code).trim()).not.toBe('');
  });

  it('reads the count’s problem first, then the reason, then the host’s code', () => {
    const problem = new PosError('INVALID_REQUEST', 'refused', { reason: 'count-invalid' as never, problem: { code: 'count-too-large' } });
    expect(cashErrorMessage(problem)).toEqual({ key: 'cash.errors.count-too-large' });
    // The host's own form: the step's code in details.cash.
    expect(cashErrorMessage(new PosError('INVALID_REQUEST', 'Cash session: session-too-long', { cash: 'session-too-long' }))).toEqual({
      key: 'cash.errors.session-too-long',
    });
    const other = cashErrorMessage(new PosError('HOST_UNAVAILABLE', 'The host said this'));
    expect(other.key).toBe('errors.HOST_UNAVAILABLE');
    for (const locale of LOCALES) expect(createI18n(locale).t(other.key)).not.toContain('The host said this');
  });
});

describe('the session a sale carries', () => {
  it('is the open (or counted) session’s, and none without one', () => {
    useCashStore.setState({ view: { state: 'none' } });
    expect(saleSessionId()).toBeUndefined();
    const open = {
      state: 'open',
      sessionId: 'session-7',
      openedAt: '2026-12-06T08:00:00.000Z',
      openedBy: 'staff-camille',
      businessDate: '2026-12-06',
      currency: 'EUR',
      float: 15_000,
      movementCount: 0,
      mustCloseFirst: false,
    } as const;
    useCashStore.setState({ view: open });
    expect(saleSessionId()).toBe('session-7');
    useCashStore.setState({ view: null });
  });
});
