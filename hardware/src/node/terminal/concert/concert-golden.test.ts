import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../../common/terminal/concert/frame';
import { encodeAnswer, encodeRequest, parseAnswer, privateDataFor, type ConcertAnswer } from '../../../common/terminal/concert/messages';
import { concertRequest, framedData } from '../../../common/test-support/concert-samples';
import { CONCERT_GOLDEN } from '../../../test-support/golden';

/*
 * Exact bytes of Concert E+ frames in hardware/src/common/terminal/concert/golden. The test sits in
 * src/node because reading files needs node:fs. Regenerate after a deliberate change with
 * UPDATE_GOLDEN=1 node_modules/.bin/vitest run --project hardware <this file>, then check the diff (xxd).
 * The link-level sequences (ENQ/ACK/NAK/EOT) are pinned in concert-session.test.ts.
 */
const payment = concertRequest();
const refund = concertRequest({ amount: 990, transaction: 'credit', privateData: privateDataFor('golden-refund') });
const approvedFull: ConcertAnswer = {
  posNumber: 1,
  status: '0',
  amount: 1234,
  paymentMode: '1',
  report: '497010XXXXXX4242',
  currency: '978',
  privateData: payment.privateData,
};
const { report: _report, ...approvedShort } = approvedFull;
const refusedFull: ConcertAnswer = { ...approvedFull, status: '7' };

const cases: readonly { readonly file: string; readonly bytes: Uint8Array }[] = [
  { file: 'payment-request.bin', bytes: framedData(encodeRequest(payment)) },
  { file: 'refund-request.bin', bytes: framedData(encodeRequest(refund)) },
  { file: 'answer-full-approved.bin', bytes: framedData(encodeAnswer(approvedFull)) },
  { file: 'answer-short-approved.bin', bytes: framedData(encodeAnswer(approvedShort)) },
  { file: 'answer-full-refused.bin', bytes: framedData(encodeAnswer(refusedFull)) },
];

describe('Concert E+ golden frames', () => {
  for (const { file, bytes } of cases) {
    it(`matches golden/${file}`, () => CONCERT_GOLDEN.expectMatch(file, bytes));
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
