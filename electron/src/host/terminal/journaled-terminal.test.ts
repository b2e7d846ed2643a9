import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CardResult } from '@pos/core';
import type { CardTerminal } from '@pos/hardware/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journaledTerminal } from './journaled-terminal';
import { PaymentJournal } from './payment-journal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-payments-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A terminal that records what it is asked; `pay` can be made to hang (the host dies meanwhile). */
function scriptedTerminal(outcome: CardResult['status'], statusOutcome: CardResult['status'] = outcome) {
  const calls: string[] = [];
  const terminal: CardTerminal = {
    label: 'scripted',
    pay: async (r) => {
      calls.push(`pay ${r.attemptKey}`);
      return { attemptKey: r.attemptKey, amount: r.amount, status: outcome };
    },
    refund: async (r) => {
      calls.push(`refund ${r.attemptKey}`);
      return { attemptKey: r.attemptKey, amount: r.amount, status: outcome };
    },
    status: async (key) => {
      calls.push(`status ${key}`);
      return { attemptKey: key, amount: 0, status: statusOutcome };
    },
    close: async () => undefined,
  };
  return { terminal, calls };
}

describe('journaledTerminal', () => {
  it('never sends a known key to the terminal again, even after a restart', async () => {
    const a = scriptedTerminal('approved');
    const first = journaledTerminal(a.terminal, await PaymentJournal.open(dir));
    expect((await first.pay({ attemptKey: 'k1', amount: 500, currency: 'EUR' })).status).toBe('approved');
    await first.close();
    const b = scriptedTerminal('approved');
    const second = journaledTerminal(b.terminal, await PaymentJournal.open(dir));
    expect((await second.pay({ attemptKey: 'k1', amount: 500, currency: 'EUR' })).status).toBe('approved');
    expect([...a.calls, ...b.calls]).toEqual(['pay k1']);
    await second.close();
  });

  it('asks for the status, not a new payment, when a crash left an attempt without an answer', async () => {
    const journal = await PaymentJournal.open(dir);
    await journal.requested('k2', 700, 'EUR');
    await journal.close();
    await appendFile(path.join(dir, 'payments', 'attempts.jsonl'), '{"t":"result","attemptKey":"k2","res');
    const b = scriptedTerminal('approved', 'approved');
    const terminal = journaledTerminal(b.terminal, await PaymentJournal.open(dir));
    expect((await terminal.pay({ attemptKey: 'k2', amount: 700, currency: 'EUR' })).status).toBe('approved');
    expect(b.calls).toEqual(['status k2']);
    expect((await terminal.pay({ attemptKey: 'k2', amount: 700, currency: 'EUR' })).status).toBe('approved');
    expect(b.calls).toEqual(['status k2']);
    await terminal.close();
  });

  it('turns a terminal failure into "unknown", never "declined"', async () => {
    const broken: CardTerminal = {
      label: 'broken',
      pay: async () => {
        throw new Error('serial port gone');
      },
      refund: async () => {
        throw new Error('serial port gone');
      },
      status: async () => {
        throw new Error('serial port gone');
      },
      close: async () => undefined,
    };
    const terminal = journaledTerminal(broken, await PaymentJournal.open(dir));
    expect(await terminal.pay({ attemptKey: 'k3', amount: 100, currency: 'EUR' })).toMatchObject({ status: 'unknown' });
    expect(await terminal.status('k3')).toMatchObject({ status: 'unknown' });
    await terminal.close();
  });
});
