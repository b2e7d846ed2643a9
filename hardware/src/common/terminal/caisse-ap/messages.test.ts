import { describe, expect, it } from 'vitest';
import { caisseApReplyToResult, encodeCaisseApRequest, readCaisseApRequest, type CaisseApRequest } from './messages';
import type { TlvField } from './tlv';

const request: CaisseApRequest = { operation: 'debit', amount: 1250, currency: 'EUR', tillNumber: 1, integratorId: '000000000000' };
const ref = { attemptKey: 'k1', amount: 1250 };
const reply = (fields: Record<string, string>): TlvField[] => [
  { tag: 'CZ', value: '0300' },
  ...Object.entries(fields).map(([tag, value]) => ({ tag, value })),
];
const read = (fields: Record<string, string>) => caisseApReplyToResult(reply(fields), request, ref);

describe('Caisse-AP requests', () => {
  it('pads the amount to 2 digits and refuses what the protocol cannot carry', () => {
    const small = encodeCaisseApRequest({ ...request, amount: 5 });
    expect(small.ok && String.fromCharCode(...small.value)).toContain('CB00205');
    expect(encodeCaisseApRequest({ ...request, amount: 1e12 })).toMatchObject({ ok: false, error: expect.stringContaining('12 digits') });
    expect(encodeCaisseApRequest({ ...request, amount: 12.5 })).toMatchObject({ ok: false });
    expect(encodeCaisseApRequest({ ...request, currency: 'XXX' })).toMatchObject({ ok: false, error: expect.stringContaining('XXX') });
    expect(encodeCaisseApRequest({ ...request, tillNumber: 100 })).toMatchObject({ ok: false });
    expect(encodeCaisseApRequest({ ...request, integratorId: 'short' })).toMatchObject({ ok: false });
  });

  it('reads a request back (the simulator side)', () => {
    expect(readCaisseApRequest(reply({ CJ: '000000000000', CA: '01', CB: '0499', CD: '1', CE: '978' }))).toEqual({
      ok: true,
      value: { operation: 'credit', amount: 499, currency: '978', tillNumber: '01', integratorId: '000000000000' },
    });
    expect(readCaisseApRequest(reply({ CA: '01' }))).toMatchObject({ ok: false, error: 'missing mandatory fields CJ, CB, CD, CE' });
  });
});

describe('Caisse-AP replies → CardResult', () => {
  it('AE 10 is approved with the terminal fields; a zero-padded CB echo is the same amount', () => {
    expect(
      read({
        AE: '10',
        CA: '01',
        CB: '0001250',
        CD: '0',
        CE: '978',
        AC: '184117',
        AA: '4970########0042',
        CC: '001',
        CI: '1',
        AI: 'A0000000421010',
      }),
    ).toEqual({
      attemptKey: 'k1',
      status: 'approved',
      amount: 1250,
      terminal: 'caisse-ap',
      authorizationCode: '184117',
      maskedPan: '4970########0042',
      scheme: 'CB',
      message: 'read contact; AID A0000000421010',
    });
  });

  it('AE 01 is declined with the reason in words', () => {
    expect(read({ AE: '01', AF: '08' })).toMatchObject({
      status: 'declined',
      message: 'Card payment not done: timed out waiting for the customer.',
    });
    expect(read({ AE: '01' })).toMatchObject({ status: 'declined', message: 'Card payment not done: no reason given.' });
  });

  it('anything contradictory or foreign is unknown, never declined', () => {
    expect(read({ AE: '01', AF: '01' }).status).toBe('unknown');
    expect(read({ AE: '11' })).toMatchObject({ status: 'unknown', message: expect.stringContaining('only acknowledged') });
    expect(read({ AF: '04' })).toMatchObject({ status: 'unknown', message: expect.stringContaining('no AE field') });
    expect(read({ AE: '99' }).status).toBe('unknown');
    expect(read({ AE: '01', AF: '04', CA: '02' })).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining('CA "02" instead of "01"'),
    });
    expect(read({ AE: '10', CB: '2000' })).toMatchObject({ status: 'unknown', message: expect.stringContaining('more than') });
    expect(read({ AE: '10', CB: '12,5' }).status).toBe('unknown');
  });

  it('a partial approval is approved for the amount taken; an offline one is marked', () => {
    expect(read({ AE: '10', CB: '1000' })).toMatchObject({ status: 'approved', amount: 1000, message: 'partial approval: 1000 of 1250' });
    expect(read({ AE: '10', AF: '01Y3' })).toMatchObject({ status: 'approved', offline: true });
    expect(read({ AE: '10', AF: '03' })).toMatchObject({ status: 'approved', offline: true });
    expect(read({ AE: '10', AF: '01' }).offline).toBeUndefined();
  });
});

describe('Caisse-AP card fields never decide the outcome', () => {
  it('shows them as far as they are printable, cut to what a sealed sale keeps, the card number masked', () => {
    expect(read({ AE: '10', AC: '18\u00004117', AA: '4970101234564242', CC: 'XYZ'.repeat(20), AI: 'A000\u00e9' })).toEqual({
      attemptKey: 'k1',
      status: 'approved',
      amount: 1250,
      terminal: 'caisse-ap',
      authorizationCode: '18?4117',
      maskedPan: '497010******4242',
      scheme: `application ${'XYZ'.repeat(20)}`.slice(0, 32),
      message: 'AID A000é',
    });
    expect(read({ AE: '10', AA: '', AC: '\u0000\u0000' })).toEqual({
      attemptKey: 'k1',
      status: 'approved',
      amount: 1250,
      terminal: 'caisse-ap',
    });
  });

  it('a repeated card field keeps its first value; a deciding field repeated with another value is unknown', () => {
    const fields = (...more: TlvField[]) =>
      caisseApReplyToResult([...reply({ AE: '10', CB: '1250', AA: '497010######0042' }), ...more], request, ref);
    expect(fields({ tag: 'AA', value: '535110######0004' })).toMatchObject({ status: 'approved', maskedPan: '497010######0042' });
    expect(fields({ tag: 'AE', value: '10' })).toMatchObject({ status: 'approved' });
    expect(fields({ tag: 'AE', value: '01' })).toMatchObject({ status: 'unknown', message: expect.stringContaining('AE twice') });
    expect(fields({ tag: 'CB', value: '1000' })).toMatchObject({ status: 'unknown', message: expect.stringContaining('CB twice') });
  });
});
