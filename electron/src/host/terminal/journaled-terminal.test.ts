import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CardResult } from '@pos/core';
import { TypedEvents, type CardPaymentRequest, type CardTerminal } from '@pos/hardware/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journaledTerminal, type TerminalAlert } from './journaled-terminal';
import { PaymentJournal, stateOf } from './payment-journal';

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

/** A terminal whose answers the test scripts, and which can send late answers as drivers do. */
function lateAnsweringTerminal(answer: (request: CardPaymentRequest) => CardResult) {
  const events = new TypedEvents<{ 'late-answer': CardResult }>();
  const sent: string[] = [];
  const terminal: CardTerminal & { on: typeof events.on } = {
    label: 'late',
    pay: async (r) => {
      sent.push(`pay ${r.attemptKey}`);
      return answer(r);
    },
    refund: async (r) => {
      sent.push(`refund ${r.attemptKey}`);
      return answer(r);
    },
    status: async (key) => ({ attemptKey: key, amount: 0, status: 'unknown' }),
    close: async () => undefined,
    on: (event, listener) => events.on(event, listener),
  };
  return { terminal, sent, late: (result: CardResult) => events.emit('late-answer', result) };
}

describe('journaledTerminal: late and double answers, reconciliation, offline caps', () => {
  it('reconciles an unknown attempt with the late approval, alerts, and never sends it again', async () => {
    const t = lateAnsweringTerminal((r) => ({ attemptKey: r.attemptKey, amount: r.amount, status: 'unknown', message: 'timeout' }));
    const alerts: TerminalAlert[] = [];
    const terminal = journaledTerminal(t.terminal, await PaymentJournal.open(dir), { onAlert: (a) => alerts.push(a) });
    expect((await terminal.pay({ attemptKey: 'L1', amount: 1250, currency: 'EUR' })).status).toBe('unknown');
    t.late({ attemptKey: 'L1', amount: 1250, status: 'approved', authorizationCode: 'A1' });
    await expect.poll(() => alerts.map((a) => a.kind)).toEqual(['late-approval']);
    expect(alerts[0]!.message).toMatch(/WAS charged/);
    expect(stateOf(terminal.journal.get('L1')!)).toBe('reconciled');
    expect(await terminal.pay({ attemptKey: 'L1', amount: 1250, currency: 'EUR' })).toMatchObject({
      status: 'approved',
      authorizationCode: 'A1',
    });
    // The same answer again: counted once.
    t.late({ attemptKey: 'L1', amount: 1250, status: 'approved', authorizationCode: 'A1' });
    await expect.poll(() => alerts.map((a) => a.kind)).toEqual(['late-approval', 'duplicate-answer']);
    expect(t.sent).toEqual(['pay L1']);
    await terminal.close();

    // After a restart the journal still knows the real outcome.
    const again = journaledTerminal(
      lateAnsweringTerminal(() => ({ attemptKey: 'x', amount: 0, status: 'declined' })).terminal,
      await PaymentJournal.open(dir),
    );
    expect(await again.pay({ attemptKey: 'L1', amount: 1250, currency: 'EUR' })).toMatchObject({ status: 'approved' });
    expect(again.journal.get('L1')!.lateAnswers).toHaveLength(2);
    await again.close();
  });

  it('alerts on an answer for an attempt it never made', async () => {
    const t = lateAnsweringTerminal((r) => ({ attemptKey: r.attemptKey, amount: r.amount, status: 'approved' }));
    const alerts: TerminalAlert[] = [];
    const terminal = journaledTerminal(t.terminal, await PaymentJournal.open(dir), { onAlert: (a) => alerts.push(a) });
    t.late({ attemptKey: 'ghost', amount: 10, status: 'approved' });
    await expect.poll(() => alerts.map((a) => a.kind)).toEqual(['unknown-attempt']);
    await terminal.close();
  });

  it('keeps payments and refunds apart under their keys', async () => {
    const t = lateAnsweringTerminal((r) => ({ attemptKey: r.attemptKey, amount: r.amount, status: 'approved' }));
    const terminal = journaledTerminal(t.terminal, await PaymentJournal.open(dir));
    expect((await terminal.refund({ attemptKey: 'R1', amount: 300, currency: 'EUR' })).status).toBe('approved');
    await expect(terminal.pay({ attemptKey: 'R1', amount: 300, currency: 'EUR' })).rejects.toThrow(/another operation \(a refund\)/);
    expect(terminal.journal.get('R1')!.kind).toBe('refund');
    expect(t.sent).toEqual(['refund R1']);
    await terminal.close();
  });

  it('refuses card payments beyond the offline caps while the terminal works offline, and alerts when it approved beyond them', async () => {
    let offline = true;
    const t = lateAnsweringTerminal((r) => ({ attemptKey: r.attemptKey, amount: r.amount, status: 'approved', offline }));
    const alerts: TerminalAlert[] = [];
    const terminal = journaledTerminal(t.terminal, await PaymentJournal.open(dir), {
      onAlert: (a) => alerts.push(a),
      offlineCaps: { maxPerPayment: 5000, maxTotal: 8000 },
    });
    // The first offline approval is over the per-payment cap: the terminal did it, the manager is told.
    expect(await terminal.pay({ attemptKey: 'O1', amount: 6000, currency: 'EUR' })).toMatchObject({ status: 'approved', offline: true });
    expect(alerts.map((a) => a.kind)).toEqual(['offline-over-cap']);
    // Now the till knows the terminal is offline: over the per-payment cap, and over the total, refused before sending.
    await expect(terminal.pay({ attemptKey: 'O2', amount: 5001, currency: 'EUR' })).rejects.toMatchObject({
      code: 'CARD_OFFLINE_LIMIT',
      details: { limit: 5000 },
    });
    await expect(terminal.pay({ attemptKey: 'O3', amount: 2500, currency: 'EUR' })).rejects.toThrow(/already holds/);
    expect(await terminal.pay({ attemptKey: 'O4', amount: 2000, currency: 'EUR' })).toMatchObject({ status: 'approved' });
    expect(terminal.journal.offlineExposure()).toEqual({ count: 2, total: 8000 });
    // Back online: the terminal forwards its queue, the exposure is cleared.
    offline = false;
    await expect(terminal.pay({ attemptKey: 'O5', amount: 100, currency: 'EUR' })).rejects.toMatchObject({ code: 'CARD_OFFLINE_LIMIT' });
    const fresh = journaledTerminal(t.terminal, terminal.journal, { offlineCaps: { maxPerPayment: 5000, maxTotal: 100_000 } });
    expect(await fresh.pay({ attemptKey: 'O6', amount: 100, currency: 'EUR' })).toMatchObject({ status: 'approved' });
    expect(terminal.journal.offlineExposure()).toEqual({ count: 0, total: 0 });
    expect(t.sent).toEqual(['pay O1', 'pay O4', 'pay O6']);
    await terminal.close();
  });
});
