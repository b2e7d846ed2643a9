import { describe, expect, it } from 'vitest';
import { startCaisseApRig } from '../../../test-support/caisse-ap-rig';
import { closedPort } from '../../../test-support/tcp-ports';
import { nextLateAnswer, paymentRequest as request, terminalAgainstSimulator } from '../../../test-support/terminal-against-simulator';
import { createCaisseApTerminal } from './caisse-ap-terminal';

/** Short timeouts: the simulator answers at once. */
const setUp = terminalAgainstSimulator(startCaisseApRig, (port) =>
  createCaisseApTerminal({
    host: '127.0.0.1',
    port,
    timeoutMs: 200,
    connectTimeoutMs: 200,
    settleMs: 20,
    duplicateWindowMs: 150,
    lateAnswerWindowMs: 1_000,
  }),
);

describe('Caisse-AP driver against the simulator', () => {
  it('approves, with what the terminal says, and sent exactly the request bytes', async () => {
    const { simulator, driver } = await setUp();
    const result = await driver.pay(request('a1'));
    expect(result).toMatchObject({
      attemptKey: 'a1',
      status: 'approved',
      amount: 1250,
      maskedPan: '497010######0042',
      scheme: 'CB',
      terminal: 'caisse-ap',
    });
    expect(result.authorizationCode).toMatch(/^\d{6}$/);
    expect(result.message).toContain('contactless');
    expect(simulator.received).toHaveLength(1);
    expect(simulator.received[0]?.bytes.toString('ascii')).toBe('CZ0040300CJ012000000000000CA00201CB0041250CD0010CE003978BA0010');
  });

  it('reads a refusal as declined, with the reason', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'refuse', reason: '06' }, 'next');
    expect(await driver.pay(request('r1'))).toMatchObject({ status: 'declined', message: 'Card payment not done: abandoned.' });
  });

  it('refunds with CD 1 (credit)', async () => {
    const { simulator, driver } = await setUp();
    expect(await driver.refund(request('f1', 499))).toMatchObject({ status: 'approved', amount: 499 });
    expect(simulator.received[0]?.request).toMatchObject({ operation: 'credit', amount: 499 });
  });

  it('marks an offline approval', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'offline' }, 'next');
    const result = await driver.pay(request('o1'));
    expect(result).toMatchObject({ status: 'approved', offline: true });
    expect(result.authorizationCode).toBeUndefined();
  });

  it('no answer within the timeout is unknown, never declined; status() says to ask the journal', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'no-answer' }, 'next');
    const result = await driver.pay(request('t1'));
    expect(result.status).toBe('unknown');
    expect(result.message).toMatch(/No answer from the terminal.*may have been charged/);
    const status = await driver.status('t1');
    expect(status).toMatchObject({ status: 'unknown', amount: 1250 });
    expect(status.message).toContain("terminal's journal");
  });

  it('a late approval after the timeout is a late-answer event, not a second charge', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'late', delayMs: 350 }, 'next');
    const late = nextLateAnswer(driver);
    expect((await driver.pay(request('l1'))).status).toBe('unknown');
    const answer = await late;
    expect(answer).toMatchObject({ attemptKey: 'l1', status: 'approved', amount: 1250 });
    expect(answer.message).toContain('Late answer');
    expect(await driver.status('l1')).toMatchObject({ status: 'approved' });
    // Paying again with the same key sends nothing: the terminal saw one request.
    expect(await driver.pay(request('l1'))).toMatchObject({ status: 'approved' });
    expect(simulator.received).toHaveLength(1);
  });

  it('a second answer to the same request is a late-answer event', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'twice' }, 'next');
    const repeated = nextLateAnswer(driver);
    expect(await driver.pay(request('d1'))).toMatchObject({ status: 'approved' });
    expect((await repeated).message).toContain('Repeated answer');
    expect(simulator.received).toHaveLength(1);
  });

  it('a corrupted answer is unknown with a clear message', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'corrupt' }, 'next');
    const result = await driver.pay(request('c1'));
    expect(result.status).toBe('unknown');
    expect(result.message).toMatch(/could not be read \(bad length "0X2" for tag CJ/);
  });

  it('an approval with card fields holding Latin-1 and NUL bytes, an empty field and a repeated one is approved', async () => {
    const { simulator, driver } = await setUp();
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    const extra = Buffer.concat([latin1('ZL007D\u00e9bit\u0000\u0000'), latin1('AB000'), latin1('AA016535110######0004')]);
    simulator.setBehaviour({ kind: 'approve-with', extra }, 'next');
    expect(await driver.pay(request('l1'))).toMatchObject({
      status: 'approved',
      amount: 1250,
      maskedPan: '497010######0042',
      scheme: 'CB',
    });
  });

  it('connection refused before sending is declined: nothing was charged', async () => {
    const { driver } = await setUp(await closedPort());
    const result = await driver.pay(request('u1'));
    expect(result.status).toBe('declined');
    expect(result.message).toMatch(/terminal unreachable.*refused the connection.*nothing was charged/i);
    expect(driver.status()).toMatchObject({ state: 'disconnected' });
    // Nothing was sent, so the same key may be tried again once the terminal is back.
    expect((await driver.status('u1')).status).toBe('unknown');
  });

  it('a reset after the request was sent is unknown and reported as a disconnection', async () => {
    const { simulator, driver } = await setUp();
    simulator.setBehaviour({ kind: 'reset' }, 'next');
    const disconnected = new Promise<string>((resolve) => driver.on('disconnected', ({ reason }) => resolve(reason)));
    const result = await driver.pay(request('x1'));
    expect(result.status).toBe('unknown');
    expect(result.message).toMatch(/lost after the payment was sent \(connection error ECONNRESET\)/);
    expect(await disconnected).toContain('ECONNRESET');
  });

  it('takes one payment at a time; the same key in flight shares the answer', async () => {
    const { simulator, driver } = await setUp();
    const [first, again, other] = await Promise.all([driver.pay(request('p1')), driver.pay(request('p1')), driver.pay(request('p2'))]);
    expect(first.status).toBe('approved');
    expect(again).toBe(first);
    expect(other).toMatchObject({ status: 'declined', message: 'The terminal is busy with another payment: nothing was charged.' });
    expect(simulator.received).toHaveLength(1);
  });

  it('open() checks the terminal answers and reports the device status', async () => {
    const { driver } = await setUp();
    const states: string[] = [];
    driver.on('status', (status) => states.push(status.state));
    await driver.open();
    expect(driver.status()).toEqual({ state: 'ready' });
    expect(states).toEqual(['opening', 'ready']);
  });

  it('refuses an amount it cannot encode without sending anything', async () => {
    const { simulator, driver } = await setUp();
    expect(await driver.pay(request('z1', 0))).toMatchObject({ status: 'declined' });
    expect(simulator.received).toHaveLength(0);
  });
});
