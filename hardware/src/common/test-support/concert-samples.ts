import { encodeFrame } from '../terminal/concert/frame';
import { privateDataFor, type ConcertRequest, type Encoded } from '../terminal/concert/messages';

/** The golden payment request: POS 01, 12,34 €, full answer, card, debit, EUR, answered at the end. */
export function concertRequest(overrides: Partial<ConcertRequest> = {}): ConcertRequest {
  return {
    posNumber: 1,
    amount: 1234,
    answer: 'full',
    paymentMode: '1',
    transaction: 'debit',
    currency: '978',
    privateData: privateDataFor('golden-payment'),
    answerAt: 'end',
    forceAuthorization: false,
    ...overrides,
  };
}

/** The data of an encoding the test expects to succeed. */
export function encodedData(encoded: Encoded): Uint8Array {
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.data;
}

/** The same, framed as it goes down the line (STX … ETX LRC). */
export function framedData(encoded: Encoded): Uint8Array {
  const frame = encodeFrame(encodedData(encoded));
  if (!frame.ok) throw new Error(frame.message);
  return frame.bytes;
}
