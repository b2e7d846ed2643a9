import { describe, expect, it, vi } from 'vitest';
import { paymentRequest as request } from '../../../test-support/terminal-against-simulator';
import { realZvtFrame } from '../../../test-support/zvt-real-frames';
import { zvtDriverAgainstRig, zvtReceivedKinds as kinds } from '../../../test-support/zvt-rig';

/*
 * The driver against the simulator replaying frames logged from real terminals (sources and
 * licences in common/terminal/zvt/golden/real). Every one of them must be acknowledged, and only
 * the result code and the amount may decide the outcome.
 */
const setUp = zvtDriverAgainstRig();

/** registration, ACK of its Completion, the command, then one ACK per frame the terminal sent. */
const acknowledgedAll = (frames: number) => ['registration', 'ack', 'authorisation', ...Array<string>(frames).fill('ack')];

describe('ZVT driver against real terminal frames', () => {
  it('approves a Status information whose card number holds a track-2 separator, and acknowledges every frame', async () => {
    const { simulator, driver } = await setUp();
    const frames = [realZvtFrame('intermediateStatusTlv'), realZvtFrame('statusTrack2Pan'), realZvtFrame('completionSoftwareVersion')];
    simulator.setBehaviour({ kind: 'frames', frames }, 'next');
    expect(await driver.pay(request('t2', 4000))).toEqual({
      attemptKey: 't2',
      status: 'approved',
      amount: 4000,
      terminal: 'zvt',
      maskedPan: '5966666666',
      message: 'terminal receipt 0175; trace 613995',
    });
    await vi.waitFor(() => expect(kinds(simulator)).toEqual(acknowledgedAll(frames.length)), { timeout: 300 });
  });

  it('registers with a terminal whose Completion carries its software version and a TLV container', async () => {
    const { simulator, driver } = await setUp({ rig: { registrationCompletion: realZvtFrame('completionSoftwareVersionTlv') } });
    const frames = [realZvtFrame('statusDebitMastercard'), realZvtFrame('completionRegistration')];
    simulator.setBehaviour({ kind: 'frames', frames }, 'next');
    expect(await driver.pay(request('sw', 2040))).toMatchObject({
      status: 'approved',
      amount: 2040,
      authorizationCode: '611804',
      maskedPan: '************4771',
      scheme: 'Debit Mastercard',
    });
    await vi.waitFor(() => expect(kinds(simulator)).toEqual(acknowledgedAll(frames.length)), { timeout: 300 });
  });

  it('declines on a refusal carrying additional text and TLV, then an Abort with TLV, all acknowledged', async () => {
    const { simulator, driver } = await setUp();
    const frames = [realZvtFrame('statusCardRejected'), realZvtFrame('abortTlv')];
    simulator.setBehaviour({ kind: 'frames', frames }, 'next');
    expect(await driver.pay(request('rj'))).toMatchObject({
      status: 'declined',
      message: 'Card payment not done: cancelled at the terminal or timed out.',
    });
    await vi.waitFor(() => expect(kinds(simulator)).toEqual(acknowledgedAll(frames.length)), { timeout: 300 });
  });
});
