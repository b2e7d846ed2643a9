import type { CardResult, TerminalProgress } from '@pos/core';
import type { CardPromptEvent, CardTerminal } from '@pos/hardware/common';
import { createSimulatedCardTerminal } from '@pos/hardware/fake';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TerminalPort } from './devices/device-ports';
import { errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/** The simulated terminal through the host: fast timings from the env (TEST_ENV: 5 ms, 40 ms). */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

async function signedInHost(options: Parameters<typeof hosts.start>[1] = {}): Promise<TestHost> {
  const host = await hosts.start(await dirs.make(), options);
  await signIn(host);
  return host;
}

const pay = (host: TestHost, attemptKey: string, amount: number, currency = 'EUR') =>
  host.invoke('terminal.pay', { attemptKey, amount, currency });

/** Counts what actually reaches the terminal, i.e. what could charge a card. */
function countingTerminal(inner: CardTerminal): CardTerminal & { readonly charges: string[] } {
  const charges: string[] = [];
  return {
    label: inner.label,
    charges,
    pay: (request) => {
      charges.push(request.attemptKey);
      return inner.pay(request);
    },
    refund: (request) => {
      charges.push(request.attemptKey);
      return inner.refund(request);
    },
    status: (key) => inner.status(key),
    close: () => inner.close(),
  };
}

describe('terminal.pay with the simulated terminal', () => {
  it('approves an ordinary amount', async () => {
    const host = await signedInHost();
    const result = valueOf<CardResult>(await pay(host, 'attempt-ok', 1234));
    expect(result).toMatchObject({ attemptKey: 'attempt-ok', status: 'approved', amount: 1234 });
    expect(result.authorizationCode).toMatch(/^[0-9A-Z]{6}$/);
  });

  it('declines an amount ending in 51', async () => {
    const host = await signedInHost();
    expect(valueOf<CardResult>(await pay(host, 'attempt-decline', 1251))).toMatchObject({ status: 'declined', amount: 1251 });
  });

  it('answers unknown for an amount ending in 52, never declined, and the status enquiry then says approved', async () => {
    const host = await signedInHost();
    const result = valueOf<CardResult>(await pay(host, 'attempt-timeout', 1252));
    expect(result.status).toBe('unknown');
    expect(result.message).toMatch(/may have been charged/);
    expect(valueOf<CardResult>(await host.invoke('terminal.status', { attemptKey: 'attempt-timeout' }))).toMatchObject({
      status: 'approved',
      amount: 1252,
    });
  });

  it('does not charge twice for the same attempt key, even concurrently', async () => {
    const inner = createSimulatedCardTerminal({ processingMs: 5, timeoutMs: 40 });
    const terminal = countingTerminal(inner);
    const host = await signedInHost({ terminal });
    const [a, b] = await Promise.all([pay(host, 'attempt-once', 500), pay(host, 'attempt-once', 500)]);
    const c = await pay(host, 'attempt-once', 500);
    expect(valueOf(a)).toEqual(valueOf(b));
    expect(valueOf(c)).toEqual(valueOf(a));
    // The host passes each call through (the simulator keeps the attempts by key and answers a
    // repeat with its first answer): one authorisation, not three.
    expect(terminal.charges.every((key) => key === 'attempt-once')).toBe(true);
    expect(new Set([a, b, c].map((r) => valueOf<CardResult>(r).authorizationCode)).size).toBe(1);
    expect(valueOf<CardResult>(await host.invoke('terminal.status', { attemptKey: 'attempt-once' })).status).toBe('approved');
  });

  it('refuses a known attempt key with another amount instead of charging again', async () => {
    const host = await signedInHost();
    const first = valueOf<CardResult>(await pay(host, 'attempt-amount', 500));
    expect(first.status).toBe('approved');
    const error = errorOf(await pay(host, 'attempt-amount', 900));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(/another amount/);
    expect(valueOf<CardResult>(await pay(host, 'attempt-amount', 500))).toEqual(first);
  });

  it('refuses a currency other than EUR with INVALID_REQUEST', async () => {
    const host = await signedInHost();
    for (const currency of ['USD', 'GBP', 'XXX']) {
      const error = errorOf(await pay(host, `attempt-${currency}`, 500, currency));
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(/EUR/);
    }
  });

  it('says unknown, not declined, for an attempt the terminal has never seen', async () => {
    const host = await signedInHost();
    expect(valueOf<CardResult>(await host.invoke('terminal.status', { attemptKey: 'never-seen' })).status).toBe('unknown');
  });

  it('follows POS_TERMINAL=decline for ordinary amounts', async () => {
    const host = await signedInHost({ env: { POS_PRINTER: 'none', POS_TERMINAL: 'decline', POS_TERMINAL_DELAY_MS: '1' } });
    expect(valueOf<CardResult>(await pay(host, 'attempt-env', 1000)).status).toBe('declined');
  });

  it('keeps an attempt across a host restart: the same key must not charge the card again', async () => {
    // The host is where the attempt journal lives (ARCHITECTURE §1, §7: "a persistent journal per
    // attempt with an idempotency key"); the simulated terminal, like the host, starts afresh.
    const dir = await dirs.make();
    const charges: string[] = [];
    const start = async () => {
      const terminal = countingTerminal(createSimulatedCardTerminal({ processingMs: 5, timeoutMs: 40 }));
      const host = await hosts.start(dir, { terminal });
      await signIn(host);
      return { host, terminal };
    };
    const a = await start();
    const first = valueOf<CardResult>(await pay(a.host, 'attempt-restart', 700));
    charges.push(...a.terminal.charges);
    await a.host.close();
    const b = await start();
    const again = valueOf<CardResult>(await pay(b.host, 'attempt-restart', 700));
    charges.push(...b.terminal.charges);
    expect(again.status).toBe(first.status);
    expect(charges).toEqual(['attempt-restart']);
  });
});

describe('terminal.reconcile', () => {
  it('records the word of whoever read the terminal receipt for an unknown attempt, and nothing else', async () => {
    const host = await signedInHost();
    expect(valueOf<CardResult>(await pay(host, 'attempt-read', 1252)).status).toBe('unknown');
    expect(valueOf<CardResult>(await host.invoke('terminal.reconcile', { attemptKey: 'attempt-read', outcome: 'declined' }))).toMatchObject(
      { status: 'declined', amount: 1252 },
    );
    // From now on the till answers what the person recorded: the attempt is settled.
    expect(valueOf<CardResult>(await pay(host, 'attempt-read', 1252)).status).toBe('declined');
    expect(valueOf<CardResult>(await pay(host, 'attempt-known', 1234)).status).toBe('approved');
    expect(errorOf(await host.invoke('terminal.reconcile', { attemptKey: 'attempt-known', outcome: 'declined' })).message).toMatch(
      /already approved/,
    );
    expect(errorOf(await host.invoke('terminal.reconcile', { attemptKey: 'attempt-never', outcome: 'approved' })).code).toBe('NOT_FOUND');
    expect(errorOf(await host.invoke('terminal.reconcile', { attemptKey: 'attempt-read', outcome: 'maybe' })).code).toBe('INVALID_REQUEST');
  });
});

/** A terminal that answers only when the test says, and shows the customer what the test says. */
function slowTerminal() {
  let answer: (result: CardResult) => void = () => undefined;
  let show: (event: CardPromptEvent) => void = () => undefined;
  const terminal: TerminalPort = {
    label: 'slow',
    pay: () => new Promise<CardResult>((resolve) => (answer = resolve)),
    refund: () => new Promise<CardResult>((resolve) => (answer = resolve)),
    status: async (attemptKey) => ({ attemptKey, amount: 0, status: 'unknown' }),
    close: async () => undefined,
    onPrompt: (listener) => {
      show = listener;
      return () => undefined;
    },
  };
  return { terminal, answer: (result: CardResult) => answer(result), show: (event: CardPromptEvent) => show(event) };
}

describe('a card attempt the terminal is still working on', () => {
  it("refuses a cashier's reading of it (a decline clicked meanwhile), relays what the terminal asks, and takes the reading once the terminal timed out", async () => {
    const slow = slowTerminal();
    const host = await signedInHost({ terminal: slow.terminal });
    const progress: TerminalProgress[] = [];
    host.context.events.on('terminal.progress', (event) => progress.push(event));
    const attemptKey = 'attempt-slow';
    const paying = pay(host, attemptKey, 1000);
    await vi.waitFor(() => expect(progress).toEqual([{ attemptKey, phase: 'started', timeoutMs: 40 }]));
    slow.show({ attemptKey, prompt: 'insert-card' });
    slow.show({ attemptKey: 'someone-else', prompt: 'watch-pin-pad' });
    expect(progress).toEqual([
      { attemptKey, phase: 'started', timeoutMs: 40 },
      { attemptKey, phase: 'prompt', prompt: 'insert-card' },
    ]);

    const refused = errorOf(await host.invoke('terminal.reconcile', { attemptKey, outcome: 'declined' }));
    expect(refused.code).toBe('TERMINAL_BUSY');
    expect(host.context.terminal.journal.get(attemptKey)?.reconciled).toBeUndefined();

    slow.answer({ attemptKey, amount: 1000, status: 'unknown', message: 'No answer from the terminal within 2 min' });
    expect(valueOf<CardResult>(await paying).status).toBe('unknown');
    expect(progress.at(-1)).toEqual({ attemptKey, phase: 'finished' });
    expect(valueOf<CardResult>(await host.invoke('terminal.reconcile', { attemptKey, outcome: 'declined' })).status).toBe('declined');
    expect(host.context.terminal.journal.get(attemptKey)?.reconciled?.outcome).toBe('declined');
  });
});

describe('terminal.progress from the demo terminal', () => {
  it('tells every screen the attempt started, what the terminal asks, and that it finished', async () => {
    const host = await signedInHost();
    const progress: TerminalProgress[] = [];
    host.context.events.on('terminal.progress', (event) => progress.push(event));
    expect(valueOf<CardResult>(await pay(host, 'attempt-demo', 1234)).status).toBe('approved');
    // TEST_ENV: the demo terminal gives up after 40 ms; the screen may say how long it may take.
    expect(progress[0]).toEqual({ attemptKey: 'attempt-demo', phase: 'started', timeoutMs: 40 });
    expect(progress).toContainEqual({ attemptKey: 'attempt-demo', phase: 'prompt', prompt: 'insert-card' });
    expect(progress.at(-1)).toEqual({ attemptKey: 'attempt-demo', phase: 'finished' });
  });
});
