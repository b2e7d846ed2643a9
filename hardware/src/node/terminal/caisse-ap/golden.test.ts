import { describe, expect, it } from 'vitest';
import {
  caisseApReplyToResult,
  encodeCaisseApReply,
  encodeCaisseApRequest,
  type CaisseApRequest,
} from '../../../common/terminal/caisse-ap/messages';
import { parseTlv } from '../../../common/terminal/caisse-ap/tlv';
import { CAISSE_AP_GOLDEN } from '../../../test-support/golden';

/*
 * Exact bytes of every Caisse-AP message this driver sends, and of representative terminal
 * replies, kept in hardware/src/common/terminal/caisse-ap/golden (ASCII: `cat` shows them). The
 * test sits in src/node because reading files needs node:fs. After a deliberate change,
 * regenerate with UPDATE_GOLDEN=1, read the diff, and commit the new files.
 */
const payment: CaisseApRequest = { operation: 'debit', amount: 1250, currency: 'EUR', tillNumber: 1, integratorId: '000000000000' };
const refund: CaisseApRequest = { ...payment, operation: 'credit', amount: 499 };
const echo = [
  { tag: 'CZ', value: '0300' },
  { tag: 'CJ', value: '000000000000' },
  { tag: 'CA', value: '01' },
  { tag: 'CB', value: '1250' },
  { tag: 'CD', value: '0' },
  { tag: 'CE', value: '978' },
];

const bytesOf = (result: { ok: true; value: Uint8Array } | { ok: false; error: string }) => {
  if (!result.ok) throw new Error(result.error);
  return Buffer.from(result.value);
};

const cases: readonly { readonly file: string; readonly bytes: () => Buffer }[] = [
  { file: 'payment-request.bin', bytes: () => bytesOf(encodeCaisseApRequest(payment)) },
  { file: 'refund-request.bin', bytes: () => bytesOf(encodeCaisseApRequest(refund)) },
  {
    file: 'reply-approved.bin',
    bytes: () =>
      bytesOf(
        encodeCaisseApReply([
          ...echo,
          { tag: 'AE', value: '10' },
          { tag: 'AC', value: '184117' },
          { tag: 'AA', value: '497010######0042' },
          { tag: 'AI', value: 'A0000000421010' },
          { tag: 'CC', value: '00B' },
          { tag: 'CI', value: '2' },
        ]),
      ),
  },
  {
    file: 'reply-refused.bin',
    bytes: () => bytesOf(encodeCaisseApReply([...echo, { tag: 'AE', value: '01' }, { tag: 'AF', value: '04' }])),
  },
  {
    file: 'reply-offline.bin',
    bytes: () =>
      bytesOf(
        encodeCaisseApReply([
          ...echo,
          { tag: 'AE', value: '10' },
          { tag: 'AF', value: '01Y1' },
          { tag: 'CC', value: '001' },
          { tag: 'CI', value: '1' },
        ]),
      ),
  },
];

describe('Caisse-AP golden bytes', () => {
  for (const { file, bytes } of cases) {
    it(`matches golden/${file}`, () => CAISSE_AP_GOLDEN.expectMatch(file, bytes()));
  }

  it('the payment request is the documented frame', () => {
    expect(CAISSE_AP_GOLDEN.read('payment-request.bin').toString('ascii')).toBe(
      'CZ0040300CJ012000000000000CA00201CB0041250CD0010CE003978BA0010',
    );
  });

  it('reads the golden replies as the till must', () => {
    const read = (file: string) => {
      const parsed = parseTlv(CAISSE_AP_GOLDEN.read(file));
      if (!parsed.ok) throw new Error(parsed.error);
      return caisseApReplyToResult(parsed.fields, payment, { attemptKey: 'k', amount: 1250 });
    };
    expect(read('reply-approved.bin')).toMatchObject({
      status: 'approved',
      amount: 1250,
      authorizationCode: '184117',
      maskedPan: '497010######0042',
      scheme: 'CB',
    });
    expect(read('reply-refused.bin')).toMatchObject({ status: 'declined', message: 'Card payment not done: refused.' });
    expect(read('reply-offline.bin')).toMatchObject({ status: 'approved', offline: true });
  });
});
