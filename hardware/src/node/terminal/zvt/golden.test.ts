import { describe, expect, it } from 'vitest';
import { hex, parseApdu } from '../../../common/terminal/zvt/apdu';
import { statusInformationToResult } from '../../../common/terminal/zvt/card-result';
import {
  decodeTerminalMessage,
  encodeAbort,
  encodeAck,
  encodeAuthorisation,
  encodeCompletion,
  encodeIntermediateStatus,
  encodeRefund,
  encodeRegistration,
  encodeStatusInformation,
  type Result,
} from '../../../common/terminal/zvt/messages';
import { ZVT_GOLDEN } from '../../../test-support/golden';

/*
 * Exact bytes of every ZVT command this driver sends, and of representative terminal messages,
 * as hex text in hardware/src/common/terminal/zvt/golden (one APDU per file, bytes separated by
 * spaces). The test sits in src/node because reading files needs node:fs. After a deliberate
 * change, regenerate with UPDATE_GOLDEN=1, read the diff, and commit the new files.
 */
const bytesOf = (result: Result<Uint8Array>) => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

const cases: readonly { readonly file: string; readonly bytes: () => Uint8Array }[] = [
  { file: 'registration.hex', bytes: () => bytesOf(encodeRegistration({ password: '000000', configByte: 0x08, currency: 'EUR' })) },
  { file: 'authorisation.hex', bytes: () => bytesOf(encodeAuthorisation({ amount: 1250, currency: 'EUR' })) },
  { file: 'refund.hex', bytes: () => bytesOf(encodeRefund({ password: '000000', amount: 499, currency: 'EUR' })) },
  { file: 'ack.hex', bytes: () => encodeAck() },
  { file: 'intermediate-status.hex', bytes: () => bytesOf(encodeIntermediateStatus(0x0e)) },
  {
    file: 'status-information-approved.hex',
    bytes: () =>
      bytesOf(
        encodeStatusInformation({
          resultCode: 0,
          amount: 1250,
          currency: '978',
          traceNumber: '1',
          receiptNumber: '1',
          terminalId: '52500123',
          authorisation: '400001',
          maskedPan: '672559******0042',
          cardType: 6,
        }),
      ),
  },
  { file: 'completion.hex', bytes: () => bytesOf(encodeCompletion()) },
  { file: 'abort-declined.hex', bytes: () => bytesOf(encodeAbort(0x05)) },
];

const fromHex = (text: string) => Uint8Array.from(text.trim().split(/\s+/), (pair) => parseInt(pair, 16));

describe('ZVT golden bytes', () => {
  for (const { file, bytes } of cases) {
    it(`matches golden/${file}`, () => ZVT_GOLDEN.expectMatch(file, `${hex(bytes())}\n`));
  }

  it('the commands have the layouts of the specification', () => {
    expect(ZVT_GOLDEN.read('registration.hex').toString('ascii').trim()).toBe('06 00 06 00 00 00 08 09 78');
    expect(ZVT_GOLDEN.read('authorisation.hex').toString('ascii').trim()).toBe('06 01 0A 04 00 00 00 00 12 50 49 09 78');
    expect(ZVT_GOLDEN.read('refund.hex').toString('ascii').trim()).toBe('06 31 0D 00 00 00 04 00 00 00 00 04 99 49 09 78');
  });

  it('reads the golden approval as the till must', () => {
    const parsed = parseApdu(fromHex(ZVT_GOLDEN.read('status-information-approved.hex').toString('ascii')));
    if (!parsed.ok) throw new Error(parsed.error);
    const message = decodeTerminalMessage(parsed.apdu);
    if (!message.ok || message.value.kind !== 'status-information') throw new Error('not a status information');
    expect(statusInformationToResult(message.value.info, { attemptKey: 'k', amount: 1250 })).toMatchObject({
      status: 'approved',
      amount: 1250,
      authorizationCode: '400001',
      maskedPan: '672559******0042',
      scheme: 'Mastercard',
      terminal: 'zvt',
    });
  });
});
