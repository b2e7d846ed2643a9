import { describe, expect, it } from 'vitest';
import { encodeFrame, parseFrame } from '../../../common/terminal/concert/frame';
import { encodeAnswer, encodeRequest, parseAnswer, privateDataFor, type ConcertAnswer, type ConcertRequest } from '../../../common/terminal/concert/messages';
import { CONCERT_GOLDEN_DIR, expectGolden } from '../../../test-support/expect-golden';

/*
 * Exact bytes of Concert E+ frames in hardware/src/common/terminal/concert/golden. The test sits in
 * src/node because reading files needs node:fs. Regenerate after a deliberate change with
 * UPDATE_GOLDEN=1 node_modules/.bin/vitest run --project hardware <this file>, then check the diff (xxd).
 * The link-level sequences (ENQ/ACK/NAK/EOT) are pinned in concert-session.test.ts.
 */
const framed = (data: { ok: true; data: Uint8Array } | { ok: false; message: string }) => {
  if (!data.ok) throw new Error(data.message);
  const frame = encodeFrame(data.data);
  if (!frame.ok) throw new Error(frame.message);
  return frame.bytes;
};

const payment: ConcertRequest = {
  posNumber: 1,
  amount: 1234,
  answer: 'full',
  paymentMode: '1',
  transaction: 'debit',
  currency: '978',
  privateData: privateDataFor('golden-payment'),
  answerAt: 'end',
  forceAuthorization: false,
};
const refund: ConcertRequest = { ...payment, amount: 990, transaction: 'credit', privateData: privateDataFor('golden-refund') };
const approvedFull: ConcertAnswer = { posNumber: 1, status: '0', amount: 1234, paymentMode: '1', report: '497010XXXXXX4242', currency: '978', privateData: payment.privateData };
const { report: _report, ...approvedShort } = approvedFull;
const refusedFull: ConcertAnswer = { ...approvedFull, status: '7' };

const cases: readonly { readonly file: string; readonly bytes: Uint8Array }[] = [
  { file: 'payment-request.bin', bytes: framed(encodeRequest(payment)) },
  { file: 'refund-request.bin', bytes: framed(encodeRequest(refund)) },
  { file: 'answer-full-approved.bin', bytes: framed(encodeAnswer(approvedFull)) },
  { file: 'answer-short-approved.bin', bytes: framed(encodeAnswer(approvedShort)) },
  { file: 'answer-full-refused.bin', bytes: framed(encodeAnswer(refusedFull)) },
];

describe('Concert E+ golden frames', () => {
  for (const { file, bytes } of cases) {
    it(`matches golden/${file}`, () => expectGolden(CONCERT_GOLDEN_DIR, file, bytes));
  }

  it('the payment request is STX, 34 characters, ETX, LRC', () => {
    const bytes = cases[0]!.bytes;
    expect(bytes.length).toBe(37);
    expect(String.fromCharCode(...bytes.slice(1, 11))).toBe('0100001234');
    expect(String.fromCharCode(...bytes.slice(27, 35))).toBe('A010B010');
  });

  it('the golden answers read back as the answers they encode', () => {
    const read = (bytes: Uint8Array) => {
      const frame = parseFrame(bytes);
      return frame.ok ? parseAnswer(frame.data) : frame;
    };
    expect(read(cases[2]!.bytes)).toMatchObject({ ok: true, value: { status: '0', amount: 1234 } });
    expect(read(cases[3]!.bytes)).toMatchObject({ ok: true, value: { status: '0', amount: 1234 } });
    expect(read(cases[4]!.bytes)).toMatchObject({ ok: true, value: { status: '7' } });
  });
});
