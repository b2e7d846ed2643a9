import { describe, expect, it, vi } from 'vitest';
import { closedPort, silentServer } from '../../../test-support/tcp-ports';
import { nextLateAnswer, paymentRequest as request } from '../../../test-support/terminal-against-simulator';
import { zvtDriverAgainstRig, zvtReceivedKinds as kinds } from '../../../test-support/zvt-rig';

const setUp = zvtDriverAgainstRig();

describe('ZVT driver against the simulator', () => {
  it('registers, authorises, acknowledges every terminal message, and approves', async () => {
    const { simulator, driver } = await setUp();
    const result = await driver.pay(request('a1'));
    expect(result).toMatchObject({
      attemptKey: 'a1',
      status: 'approved',
      amount: 1250,
      maskedPan: '672559******0042',
      scheme: 'Mastercard',
      terminal: 'zvt',
    });
    expect(result.authorizationCode).toMatch(/^4\d{5}$/);
    // ACKs of: the registration's Completion, then intermediate status, status information, Completion.
    await vi.waitFor(() => expect(kinds(simulator)).toEqual(['registration', 'ack', 'authorisation', 'ack', 'ack', 'ack']), {
      timeout: 200,
    });
    expect(simulator.received[2]?.bytes.toString('hex')).toBe('06010a040000000012504909' + '78');
  });

  it('tells what the terminal asks the customer (intermediate status) as a prompt of the attempt', async () => {
    const { driver } = await setUp();
    const prompts: unknown[] = [];
    driver.on('prompt', (event) => prompts.push(event));
    await driver.pay(request('p1'));
    // The simulator shows "please wait" (04 FF 0E) before its Status information.
    expect(prompts).toEqual([{ attemptKey: 'p1', prompt: 'please-wait' }]);
  });

  it('reads an Abort as declined, with the result code in words', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'refuse', resultCode: 0x6c }, 'next');
    expect(await driver.pay(request('r1'))).toMatchObject({
      status: 'declined',
      failure: 'cancelled',
      message: 'Card payment not done: cancelled at the terminal or timed out.',
    });
  });

  it('refunds with 06 31, not the reversal 06 30', async () => {
    const { simulator, driver } = await setUp();
    expect(await driver.refund(request('f1', 499))).toMatchObject({ status: 'approved', amount: 499 });
    expect(simulator.received[2]?.command).toMatchObject({ kind: 'refund', amount: 499, currency: '978' });
    expect(simulator.received[2]?.bytes.subarray(0, 2).toString('hex')).toBe('0631');
  });

  it('no result within the timeout is unknown, never declined', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'no-answer' }, 'next');
    const result = await driver.pay(request('t1'));
    expect(result.status).toBe('unknown');
    // The till says it in the cashier's words from the code, not from the driver's English.
    expect(result.failure).toBe('timeout');
    expect(result.message).toMatch(/No answer from the terminal.*may have been charged/);
    expect((await driver.status('t1')).message).toContain("terminal's journal");
  });

  it('a late Status information after the timeout is a late-answer event, not a second charge', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'late', delayMs: 350 }, 'next');
    const late = nextLateAnswer(driver);
    expect((await driver.pay(request('l1'))).status).toBe('unknown');
    const answer = await late;
    expect(answer).toMatchObject({ attemptKey: 'l1', status: 'approved' });
    expect(answer.message).toContain('Late answer');
    expect(await driver.status('l1')).toMatchObject({ status: 'approved' });
    expect(await driver.pay(request('l1'))).toMatchObject({ status: 'approved' });
    expect(kinds(simulator).filter((kind) => kind === 'authorisation')).toHaveLength(1);
  });

  it('a repeated Status information is a late-answer event', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'twice' }, 'next');
    const repeated = nextLateAnswer(driver);
    expect(await driver.pay(request('d1'))).toMatchObject({ status: 'approved' });
    expect((await repeated).message).toContain('Repeated answer');
    expect(kinds(simulator).filter((kind) => kind === 'authorisation')).toHaveLength(1);
  });

  it('an approval whose BMPs cannot be read to the end, before any amount, is unknown; the message is still acknowledged', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'corrupt' }, 'next');
    const result = await driver.pay(request('c1'));
    expect(result.status).toBe('unknown');
    expect(result.message).toMatch(
      /approved, but its amount may be in the part of its message that could not be read \(BMP 0x22 at byte 2 announces 99 bytes, only 0 remain\)/,
    );
    // ACKs of: the registration's Completion, the broken Status information, the Completion.
    await vi.waitFor(() => expect(kinds(simulator)).toEqual(['registration', 'ack', 'authorisation', 'ack', 'ack']), { timeout: 200 });
  });

  it('connection refused is declined: nothing was charged', async () => {
    const { driver } = await setUp({ port: await closedPort() });
    const result = await driver.pay(request('u1'));
    expect(result).toMatchObject({ status: 'declined', failure: 'not-connected' });
    expect(result.message).toMatch(/terminal unreachable.*refused the connection.*nothing was charged/i);
  });

  it('a reset after the authorisation was sent is unknown', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'reset' }, 'next');
    const disconnected = new Promise<string>((resolve) => driver.on('disconnected', ({ reason }) => resolve(reason)));
    const result = await driver.pay(request('x1'));
    expect(result).toMatchObject({ status: 'unknown', failure: 'connection-lost' });
    expect(result.message).toMatch(/lost after the payment was sent/);
    expect(await disconnected).toContain('ECONNRESET');
  });

  it('a terminal that never completes the registration gets no payment: declined', async () => {
    const silent = await silentServer();
    try {
      const { driver } = await setUp({ port: silent.port });
      const result = await driver.pay(request('g1'));
      expect(result).toMatchObject({ status: 'declined', failure: 'not-sent' });
      expect(result.message).toMatch(/did not complete the registration.*nothing was charged/);
    } finally {
      await silent.close();
    }
  });
});
