import { describe, expect, it } from 'vitest';
import { parseApdu } from '../../../common/terminal/zvt/apdu';
import { abortToResult, statusInformationToResult } from '../../../common/terminal/zvt/card-result';
import { decodeTerminalMessage, type TerminalMessage } from '../../../common/terminal/zvt/messages';
import { realZvtFrame, type RealZvtFrame } from '../../../test-support/zvt-real-frames';

/*
 * Frames logged from real terminals, as other ZVT implementations publish them in their tests
 * (sources and licences in the files under common/terminal/zvt/golden/real), through the codec.
 * The test sits in src/node because reading files needs node:fs.
 */
const message = (name: RealZvtFrame): TerminalMessage => {
  const parsed = parseApdu(realZvtFrame(name));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  const decoded = decodeTerminalMessage(parsed.apdu);
  if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
  return decoded.value;
};

const outcome = (name: RealZvtFrame, amount: number) => {
  const read = message(name);
  if (read.kind === 'status-information') return statusInformationToResult(read.info, { attemptKey: 'k', amount });
  if (read.kind === 'abort') return abortToResult(read.resultCode, { attemptKey: 'k', amount });
  throw new Error(`${name} is a ${read.kind}`);
};

describe('ZVT frames from real terminals, through the codec', () => {
  it('a card number holding track-2 digits and a D separator is read up to the separator: the approval stands', () => {
    expect(message('statusTrack2Pan')).toEqual({
      kind: 'status-information',
      info: {
        resultCode: 0,
        amount: 4000,
        currency: '978',
        maskedPan: '5966666666',
        traceNumber: '613995',
        receiptNumber: '0175',
        terminalId: '60099914',
        cardType: 2,
      },
    });
    const result = outcome('statusTrack2Pan', 4000);
    expect(result).toMatchObject({ status: 'approved', amount: 4000, maskedPan: '5966666666' });
    // What follows the separator (expiry 2002, service code 122) is never kept.
    expect(JSON.stringify(result)).not.toContain('59666666662');
  });

  it('approvals with E-masked card numbers, card names ending in NUL, additional text and TLV containers', () => {
    expect(outcome('statusVisaTlv', 1000)).toMatchObject({
      status: 'approved',
      amount: 1000,
      authorizationCode: '889150',
      maskedPan: '474843******7743',
      scheme: 'VISA',
    });
    expect(outcome('statusDebitMastercard', 2040)).toMatchObject({
      status: 'approved',
      amount: 2040,
      authorizationCode: '611804',
      maskedPan: '************4771',
      scheme: 'Debit Mastercard',
    });
    expect(outcome('statusReversalTlv', 100)).toMatchObject({ status: 'approved', amount: 100, authorizationCode: '715691' });
    // No amount at all (BMP 04 absent), everything read: the approval is for the amount asked.
    expect(outcome('statusTlvNoAmount', 1250)).toMatchObject({ status: 'approved', amount: 1250, scheme: 'MASTERCARD' });
  });

  it('refusals: result codes 6C and 05 in a Status information, 6C in an Abort with a TLV container', () => {
    expect(outcome('statusAbortByKey', 1250)).toMatchObject({
      status: 'declined',
      message: 'Card payment declined: cancelled at the terminal or timed out.',
    });
    expect(outcome('statusCardRejected', 1250)).toMatchObject({
      status: 'declined',
      message: 'Card payment declined: declined by the card issuer.',
    });
    expect(message('abortTlv')).toEqual({ kind: 'abort', resultCode: 0x6c });
    expect(outcome('abortTlv', 1250)).toMatchObject({ status: 'declined' });
  });

  it('Completions carrying the software version, the terminal status, TID, currency and TLV are completions', () => {
    expect(message('completionSoftwareVersion')).toEqual({ kind: 'completion', softwareVersion: '2.14.15' });
    expect(message('completionSoftwareVersionTlv')).toEqual({
      kind: 'completion',
      softwareVersion: 'GER-APP-v2.0.9;cR02.01.01-00.09-2-2;CC26',
    });
    expect(message('completionRegistration')).toEqual({ kind: 'completion' });
  });

  it('an intermediate status with a timeout and TLV display texts', () => {
    expect(message('intermediateStatusTlv')).toEqual({ kind: 'intermediate-status', code: 0x0a });
  });
});
