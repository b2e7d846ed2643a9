import { afterEach, describe, expect, it } from 'vitest';
import type { CardTerminal } from '../common/card-terminal';
import { behaviourForAmount, createSimulatedCardTerminal, type SimulatedCardTerminalOptions } from './simulated-card-terminal';

let terminal: CardTerminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

const open = (options: SimulatedCardTerminalOptions = {}) =>
  (terminal = createSimulatedCardTerminal({ processingMs: 0, timeoutMs: 30, ...options }));
const pay = (amount: number, attemptKey = `k-${amount}`) => ({ attemptKey, amount, currency: 'EUR' });

describe('simulated card terminal', () => {
  it('approves with an authorisation code, a masked card number and the CB scheme', async () => {
    const result = await open().pay(pay(1234));
    expect(result).toEqual({
      attemptKey: 'k-1234',
      status: 'approved',
      amount: 1234,
      authorizationCode: expect.stringMatching(/^[0-9A-Z]{6}$/),
      maskedPan: '**** 4242',
      scheme: 'CB',
    });
  });

  it("tells what it asks the customer: the card, then the bank's answer", async () => {
    const simulated = createSimulatedCardTerminal({ processingMs: 20, timeoutMs: 30 });
    terminal = simulated;
    const prompts: unknown[] = [];
    simulated.onPrompt((event) => prompts.push(event));
    await simulated.pay(pay(1234, 'p-1'));
    expect(prompts).toEqual([
      { attemptKey: 'p-1', prompt: 'insert-card' },
      { attemptKey: 'p-1', prompt: 'waiting-bank' },
    ]);
  });

  it('declines amounts ending in 51 cents', async () => {
    expect(await open().pay(pay(1251))).toMatchObject({ status: 'declined', amount: 1251, message: expect.any(String) });
  });

  it('answers "unknown", never "declined", for amounts ending in 52 cents, after the timeout', async () => {
    const t = open({ timeoutMs: 40 });
    const started = Date.now();
    const result = await t.pay(pay(1252));
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(result).toMatchObject({ status: 'unknown', amount: 1252, message: expect.stringContaining('may have been charged') });
  });

  it('settles a timed-out attempt by status enquiry: approved by default (the late approval)', async () => {
    const t = open();
    expect((await t.pay(pay(1252, 'late'))).status).toBe('unknown');
    expect(await t.status('late')).toMatchObject({ attemptKey: 'late', status: 'approved', amount: 1252, maskedPan: '**** 4242' });
  });

  it('can be told that timed-out attempts were in fact declined', async () => {
    const t = open({ lateOutcome: 'declined' });
    await t.pay(pay(1252, 'late'));
    expect((await t.status('late')).status).toBe('declined');
  });

  it('says "in progress" to a status enquiry before the attempt is over', async () => {
    const t = open({ timeoutMs: 50 });
    const pending = t.pay(pay(1252, 'slow'));
    expect(await t.status('slow')).toMatchObject({ status: 'unknown', amount: 1252, message: expect.stringContaining('in progress') });
    await pending;
  });

  it('never charges a key twice: paying again returns the first result, even with another amount', async () => {
    const t = open();
    const first = await t.pay(pay(1000, 'same'));
    const again = await t.pay(pay(9999, 'same'));
    expect(again).toEqual(first);
    expect(again.amount).toBe(1000);
  });

  it('answers repeats of a key still in progress with the same pending result', async () => {
    const t = open();
    const [a, b] = await Promise.all([t.pay(pay(1252, 'twice')), t.pay(pay(1252, 'twice'))]);
    expect(a).toBe(b);
  });

  it('returns the first result of a timed-out key on a new pay(), the status enquiry settles it', async () => {
    const t = open();
    await t.pay(pay(1252, 'retry'));
    expect((await t.pay(pay(1252, 'retry'))).status).toBe('unknown');
    expect((await t.status('retry')).status).toBe('approved');
  });

  it('follows its default behaviour for other amounts', async () => {
    expect((await open({ behaviour: 'decline' }).pay(pay(1000))).status).toBe('declined');
    await terminal?.close();
    expect((await open({ behaviour: 'timeout' }).pay(pay(1000))).status).toBe('unknown');
  });

  it('reports the status of a key it never saw as unknown: a restarted terminal has forgotten too', async () => {
    expect(await open().status('never')).toMatchObject({ attemptKey: 'never', status: 'unknown' });
  });

  it('declines amounts it cannot charge before reading any card', async () => {
    const t = open();
    expect((await t.pay(pay(0))).status).toBe('declined');
    expect((await t.pay(pay(12.5))).status).toBe('declined');
  });

  it('answers a payment in progress with unknown when it is closed', async () => {
    const t = open({ processingMs: 10_000 });
    const pending = t.pay(pay(1000));
    await t.close();
    expect(await pending).toMatchObject({ status: 'unknown' });
  });

  it('uses the same authorisation code for the same key (deterministic demos and tests)', async () => {
    const a = await open().pay(pay(1000, 'key-1'));
    await terminal?.close();
    const b = await open().pay(pay(2000, 'key-1'));
    expect(a.authorizationCode).toBe(b.authorizationCode);
  });
});

describe('behaviourForAmount', () => {
  it.each([
    [1251, 'approve', 'decline'],
    [51, 'timeout', 'decline'],
    [1252, 'approve', 'timeout'],
    [-1252, 'approve', 'timeout'],
    [1250, 'decline', 'decline'],
    [1253, 'approve', 'approve'],
    [15100, 'approve', 'approve'],
  ] as const)('%i with default %s is %s', (amount, fallback, expected) => {
    expect(behaviourForAmount(amount, fallback)).toBe(expected);
  });
});
