import type { CardResult } from '@pos/core';
import { describe, expect, it } from 'vitest';
import type { CardTerminalDriver } from '../../../common/card-terminal';
import type { DeviceStatus } from '../../../common/device';
import { cleanupsAfterEach } from '../../../test-support/cleanups';
import { startConcertRig, type ConcertRig } from '../../../test-support/concert-rig';
import { socat } from '../../../test-support/pty-pair';
import { until } from '../../../test-support/until';
import { createConcertTerminal, type ConcertTerminalOptions } from './concert-terminal';

const cleanups = cleanupsAfterEach();

type Rigged = { rig: ConcertRig; terminal: CardTerminalDriver; late: CardResult[]; disconnected: string[]; statuses: DeviceStatus[] };

async function rigged(
  simulator: Parameters<typeof startConcertRig>[0] = {},
  driver: Partial<ConcertTerminalOptions> = {},
): Promise<Rigged> {
  const rig = await startConcertRig(simulator);
  cleanups.push(rig.stop);
  const terminal = createConcertTerminal({ path: rig.path, timeoutMs: 1500, ackTimeoutMs: 300, ...driver });
  cleanups.push(() => terminal.close());
  const late: CardResult[] = [];
  const disconnected: string[] = [];
  const statuses: DeviceStatus[] = [];
  terminal.on('late-answer', (r) => late.push(r));
  terminal.on('disconnected', (d) => disconnected.push(d.reason));
  terminal.on('status', (s) => statuses.push(s));
  return { rig, terminal, late, disconnected, statuses };
}

const payment = (amount: number, attemptKey = `key-${amount}`) => ({ attemptKey, amount, currency: 'EUR' });

describe.skipIf(!socat && process.env.CI !== 'true')('Concert E+ driver against the simulator, through a socat pty pair', () => {
  it('approves: one request with the right fields, masked card, terminal "concert"', async () => {
    const { rig, terminal } = await rigged();
    const result = await terminal.pay(payment(1234));
    expect(result).toEqual({
      attemptKey: 'key-1234',
      status: 'approved',
      amount: 1234,
      terminal: 'concert',
      maskedPan: '**** 4242',
      scheme: 'VISA',
    });
    expect(rig.device.received.requests).toEqual([
      expect.objectContaining({
        posNumber: 1,
        amount: 1234,
        transaction: 'debit',
        currency: '978',
        answer: 'full',
        paymentMode: '1',
        answerAt: 'end',
        forceAuthorization: false,
      }),
    ]);
    // Caisse: ENQ, (frame), EOT; then answer: ACK after ENQ, ACK after the frame.
    expect(rig.device.received.controls).toEqual(['ENQ', 'EOT', 'ACK', 'ACK']);
    expect(terminal.status()).toEqual({ state: 'ready' });
  });

  it('refuses: status 7 is declined, nothing charged', async () => {
    const { terminal } = await rigged({ behaviour: 'refuse' });
    expect(await terminal.pay(payment(1251))).toMatchObject({
      status: 'declined',
      amount: 1251,
      terminal: 'concert',
      message: expect.stringContaining('nothing was charged'),
    });
  });

  it('refund: transaction type credit (1), approved', async () => {
    const { rig, terminal } = await rigged();
    expect(await terminal.refund(payment(990, 'refund-1'))).toMatchObject({ attemptKey: 'refund-1', status: 'approved', amount: 990 });
    expect(rig.device.received.requests[0]).toMatchObject({ transaction: 'credit', amount: 990 });
  });

  it('no answer: unknown, never declined; a repeat of the key sends nothing again', async () => {
    const { rig, terminal } = await rigged({ behaviour: 'timeout' }, { timeoutMs: 300 });
    const result = await terminal.pay(payment(1252));
    expect(result).toMatchObject({ status: 'unknown', message: expect.stringContaining('may have been charged') });
    expect(await terminal.pay(payment(1252))).toEqual(result);
    expect(rig.device.received.requests).toHaveLength(1);
    expect(await terminal.status('key-1252')).toMatchObject({ status: 'unknown', message: expect.stringContaining('no status enquiry') });
  });

  it('late approval after the timeout: pay() said unknown, then a late-answer event; status() and a repeat tell the approval', async () => {
    const { rig, terminal, late } = await rigged({ behaviour: 'late', lateMs: 600 }, { timeoutMs: 300 });
    expect((await terminal.pay(payment(1253))).status).toBe('unknown');
    await until(() => late.length === 1);
    expect(late[0]).toMatchObject({
      attemptKey: 'key-1253',
      status: 'approved',
      amount: 1253,
      message: expect.stringContaining('never charge again'),
    });
    expect(await terminal.status('key-1253')).toMatchObject({ status: 'approved' });
    expect(await terminal.pay(payment(1253))).toMatchObject({ status: 'approved' });
    expect(rig.device.received.requests).toHaveLength(1);
  });

  it('a late answer arriving while the terminal is still busy: the next payment is declined (ENQ unanswered), the late one raised', async () => {
    const { rig, terminal, late } = await rigged({ lateMs: 700 }, { timeoutMs: 300, ackTimeoutMs: 60 });
    rig.device.setBehaviour('late', 'next');
    expect((await terminal.pay(payment(1000, 'first'))).status).toBe('unknown');
    // The simulated terminal sits in the first payment: it does not take a new one.
    expect(await terminal.pay(payment(2000, 'second'))).toMatchObject({
      status: 'declined',
      message: expect.stringContaining('nothing was charged'),
    });
    await until(() => late.length === 1);
    expect(late[0]).toMatchObject({ attemptKey: 'first', status: 'approved', amount: 1000 });
    expect(rig.device.received.requests.map((r) => r.amount)).toEqual([1000]);
  });

  it('answer twice: the first settles pay(), the second is a late-answer, never a second charge', async () => {
    const { rig, terminal, late } = await rigged({ behaviour: 'twice', repeatMs: 50 });
    expect(await terminal.pay(payment(1254))).toMatchObject({ status: 'approved' });
    await until(() => late.length === 1);
    expect(late[0]).toMatchObject({ attemptKey: 'key-1254', status: 'approved', message: expect.stringContaining('a second time') });
    expect(rig.device.received.requests).toHaveLength(1);
    expect(rig.device.received.answers).toHaveLength(2);
  });

  it('corrupted answer: NAK, the terminal resends, approved', async () => {
    const { rig, terminal } = await rigged({ behaviour: 'corrupt-once' });
    expect(await terminal.pay(payment(1255))).toMatchObject({ status: 'approved' });
    expect(rig.device.received.controls).toEqual(['ENQ', 'EOT', 'ACK', 'NAK', 'ACK']);
  });

  it('four bad frames: three NAKs, then unknown with a clear message', async () => {
    const { rig, terminal } = await rigged({ behaviour: 'corrupt-always' });
    const result = await terminal.pay(payment(1256));
    expect(result).toMatchObject({ status: 'unknown', message: expect.stringMatching(/damaged 4 times.*Bad LRC.*may have been charged/) });
    // The closing EOT may reach the simulator just after pay() returns.
    await until(() => rig.device.received.controls.length === 7);
    expect(rig.device.received.controls).toEqual(['ENQ', 'EOT', 'ACK', 'NAK', 'NAK', 'NAK', 'EOT']);
  });

  it('an unknown status from the terminal is unknown, not declined', async () => {
    const { terminal } = await rigged({ behaviour: 'unknown-status' });
    expect(await terminal.pay(payment(1257))).toMatchObject({ status: 'unknown', message: expect.stringContaining('status "9"') });
  });

  it('request refused with NAK every time: declined after 3 resends, nothing charged', async () => {
    const { rig, terminal } = await rigged({ behaviour: 'nak-request' });
    expect(await terminal.pay(payment(1000))).toMatchObject({
      status: 'declined',
      message: expect.stringContaining('refused the payment request 4 times'),
    });
    expect(rig.device.received.requests).toHaveLength(1);
  });

  it('terminal silent to ENQ: declined, unreachable, nothing was charged (no request was sent)', async () => {
    const { rig, terminal } = await rigged({ behaviour: 'off' }, { ackTimeoutMs: 100 });
    expect(await terminal.pay(payment(1000))).toMatchObject({
      status: 'declined',
      message: expect.stringContaining('nothing was charged'),
    });
    await until(() => rig.device.received.controls.length === 6);
    expect(rig.device.received.controls).toEqual(['ENQ', 'EOT', 'ENQ', 'EOT', 'ENQ', 'EOT']);
    expect(rig.device.received.requests).toHaveLength(0);
  });

  it('cable pulled after the request: unknown and a disconnected event', async () => {
    const { rig, terminal, disconnected } = await rigged({ behaviour: 'timeout' }, { timeoutMs: 5000 });
    const paying = terminal.pay(payment(1258));
    await until(() => rig.device.received.requests.length === 1);
    await rig.pair.stop();
    const result = await paying;
    expect(result).toMatchObject({ status: 'unknown', message: expect.stringContaining('may have been charged') });
    expect(disconnected).toHaveLength(1);
    expect(terminal.status().state).toBe('disconnected');
  });
});

describe('Concert E+ driver without a terminal', () => {
  it('a port that cannot be opened is declined: unreachable, nothing was charged', async () => {
    const terminal = createConcertTerminal({ path: '/dev/ttyPOS-CONCERT-MISSING' });
    const result = await terminal.pay(payment(500));
    expect(result).toEqual({
      attemptKey: 'key-500',
      status: 'declined',
      amount: 500,
      terminal: 'concert',
      message:
        'Card terminal unreachable, nothing was charged: There is no serial port /dev/ttyPOS-CONCERT-MISSING: is the card terminal (or its USB adapter) plugged in?',
      failure: 'not-connected',
    });
    expect(terminal.status()).toMatchObject({ state: 'error' });
    await terminal.close();
  });

  it('refuses amounts it cannot send before touching the port', async () => {
    const terminal = createConcertTerminal({ path: '/dev/ttyPOS-CONCERT-MISSING' });
    expect(await terminal.pay(payment(12.5, 'float'))).toMatchObject({
      status: 'declined',
      message: expect.stringContaining('whole number of cents'),
    });
    expect(await terminal.pay({ attemptKey: 'xyz', amount: 100, currency: 'ZZZ' })).toMatchObject({
      status: 'declined',
      message: expect.stringContaining('ZZZ'),
    });
    expect(await terminal.status('never')).toMatchObject({ status: 'unknown', amount: 0 });
  });
});
