import type { CardFailure, CardResult } from '@pos/core';
import type { CardPaymentRequest, CardTerminalDriver, CardTerminalEvents } from '../../../common/card-terminal';
import { TypedEvents, type DeviceStatus } from '../../../common/device';
import { CONCERT_TERMINAL, answerToCardResult } from '../../../common/terminal/concert/card-result';
import { encodeFrame } from '../../../common/terminal/concert/frame';
import {
  CARD_PAYMENT_MODE,
  MAX_AMOUNT,
  currencyNumber,
  encodeRequest,
  parseAnswer,
  privateDataFor,
  type ConcertAnswer,
} from '../../../common/terminal/concert/messages';
import { oneAtATime } from '../../one-at-a-time';
import { openSerialLine, type OpenedLine, type SerialSettings } from './concert-line';
import { receiveFrame, sendRequest, type LinkLimits } from './concert-session';

export type ConcertTerminalOptions = {
  readonly path: string;
  /** Default 9600, the usual factory setting (PayXpert lists 1200–115200). */
  readonly baudRate?: number;
  /** Concert is 7 data bits, even parity, 1 stop bit (PayXpert RS232 specification). */
  readonly dataBits?: 7 | 8;
  readonly parity?: 'even' | 'odd' | 'none';
  readonly stopBits?: 1 | 2;
  /** This till's number on the terminal, 0–99. Default 1. */
  readonly posNumber?: number;
  /** From the request's acceptance to the terminal's answer: card, PIN, bank. Default 120 s. */
  readonly timeoutMs?: number;
  /** Each ACK, and each frame once asked for. Default 3 s (pypostelium: "the Telium spec says … up to 3 seconds"). */
  readonly ackTimeoutMs?: number;
  /** Ask for the full answer (with the card number, masked here) or the short one. Default 'full'. */
  readonly answer?: 'full' | 'short';
  /** B011: force an online authorisation, so an approval is known not to be offline. Default false. */
  readonly forceAuthorization?: boolean;
  readonly label?: string;
};

type Attempt = {
  readonly request: CardPaymentRequest;
  readonly privateData: string;
  readonly result: Promise<CardResult>;
  settled?: CardResult;
  /** The latest answer the terminal gave after pay() had returned (late, or a second one). */
  late?: CardResult;
};

const LIMITS = { enqTries: 3, maxNaks: 3 } as const;

/**
 * A card terminal speaking Concert E+ over a serial line. One payment at a time; the port stays
 * open between payments so an answer that comes late is still heard and raised as `late-answer`.
 * Concert has no status enquiry: status(key) tells what this driver has heard, else "unknown".
 */
export function createConcertTerminal(options: ConcertTerminalOptions): CardTerminalDriver {
  const settings: SerialSettings = {
    path: options.path,
    baudRate: options.baudRate ?? 9600,
    dataBits: options.dataBits ?? 7,
    parity: options.parity ?? 'even',
    stopBits: options.stopBits ?? 1,
  };
  const posNumber = options.posNumber ?? 1;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const limits: LinkLimits = { ackTimeoutMs: options.ackTimeoutMs ?? 3000, ...LIMITS };
  const forceAuthorization = options.forceAuthorization ?? false;
  const events = new TypedEvents<CardTerminalEvents>();
  const queue = oneAtATime();
  const attempts = new Map<string, Attempt>();
  const attemptsByTag = new Map<string, Attempt>();
  let current: Attempt | null = null;
  let line: OpenedLine | null = null;
  let opening: Promise<{ ok: true; line: OpenedLine } | { ok: false; message: string }> | null = null;
  let deviceStatus: DeviceStatus = { state: 'closed' };
  let sessionActive = false;
  let idleScheduled = false;
  let closing = false;

  const setStatus = (state: DeviceStatus['state'], message?: string) => {
    deviceStatus = message === undefined ? { state } : { state, message };
    events.emit('status', deviceStatus);
  };

  /** The line died under us: say so once, and open afresh on the next payment. */
  const lineLost = (lost: OpenedLine, reason: string) => {
    if (line !== lost) return;
    line = null;
    void lost.close();
    if (closing) return;
    events.emit('disconnected', { reason });
    setStatus('disconnected', reason);
  };

  const session = <T>(task: () => Promise<T>) =>
    queue(async () => {
      sessionActive = true;
      try {
        return await task();
      } finally {
        sessionActive = false;
        noticeIdleInput();
      }
    });

  /** Bytes arrived while no payment reads the line: most likely a late answer's ENQ. */
  const noticeIdleInput = () => {
    if (sessionActive || idleScheduled || !line || line.pending().length === 0) return;
    idleScheduled = true;
    void session(async () => {
      idleScheduled = false;
      if (line) await serviceIdleLine(line);
    });
  };

  const ensureLine = async () => {
    if (line?.isOpen()) return { ok: true as const, line };
    if (!opening) {
      setStatus('opening');
      opening = openSerialLine(settings, limits.ackTimeoutMs, () => noticeIdleInput()).then((opened) => {
        opening = null;
        if (opened.ok) {
          line = opened.line;
          setStatus('ready');
        } else {
          setStatus('error', opened.message);
        }
        return opened;
      });
    }
    return opening;
  };

  const late = (attempt: Attempt | undefined, answer: ConcertAnswer, why: string) => {
    if (!attempt) {
      const result: CardResult = {
        ...answerToCardResult(answer, {
          attemptKey: `concert:unmatched:${answer.privateData.trim()}`,
          requestedAmount: answer.amount,
          forcedAuthorization: false,
        }),
        message: `The card terminal sent an answer (POS ${answer.posNumber}, ${answer.amount} cents, status "${answer.status}") that matches no payment of this till: check the terminal's journal.`,
      };
      events.emit('late-answer', result);
      return;
    }
    const result = answerToCardResult(answer, {
      attemptKey: attempt.request.attemptKey,
      requestedAmount: attempt.request.amount,
      forcedAuthorization: forceAuthorization,
    });
    attempt.late = result;
    events.emit('late-answer', { ...result, message: `${why}${result.message ? ` ${result.message}` : ''}` });
  };

  /** Which payment an answer belongs to: the private tag first, else the amount (terminals that overwrite the tag). */
  const attemptFor = (answer: ConcertAnswer): Attempt | undefined => {
    if (answer.posNumber !== posNumber) return undefined;
    const tagged = attemptsByTag.get(answer.privateData);
    if (tagged) return tagged;
    if (current && current.request.amount === answer.amount) return current;
    return [...attempts.values()].reverse().find((a) => a.request.amount === answer.amount && a.settled?.status === 'unknown');
  };

  const whyLate = (attempt: Attempt) =>
    attempt.settled?.status === 'unknown'
      ? 'The card terminal answered after the till had stopped waiting: the payment journal must settle it, never charge again.'
      : 'The card terminal answered this payment a second time: never charge again.';

  /** Receives an answer nobody is waiting for and raises it. */
  const receiveLate = async (port: OpenedLine) => {
    const outcome = await receiveFrame(port, limits);
    if (outcome.kind === 'closed') return lineLost(port, outcome.reason);
    if (outcome.kind !== 'frame')
      return setStatus(
        'ready',
        `An unexpected answer from the card terminal could not be read: ${outcome.message} Check the terminal's journal.`,
      );
    const parsed = parseAnswer(outcome.data);
    if (!parsed.ok)
      return setStatus(
        'ready',
        `An unexpected answer from the card terminal could not be read: ${parsed.message} Check the terminal's journal.`,
      );
    const attempt = attemptFor(parsed.value);
    late(attempt, parsed.value, attempt ? whyLate(attempt) : '');
  };

  const serviceIdleLine = async (port: OpenedLine) => {
    while (line === port && port.pending().length > 0) {
      const input = await port.next(0);
      if (input.kind === 'closed') return lineLost(port, input.reason);
      if (input.kind === 'control' && input.name === 'ENQ') await receiveLate(port);
      // Other bytes outside a session mean nothing in Concert; they are named so a wiring fault shows.
      else if (input.kind !== 'timeout') setStatus('ready', `Ignored ${describe(input)} from the card terminal outside a payment.`);
    }
  };

  const run = async (attempt: Attempt, transaction: 'debit' | 'credit'): Promise<CardResult> => {
    const { request } = attempt;
    const base = { attemptKey: request.attemptKey, amount: request.amount, terminal: CONCERT_TERMINAL } as const;
    // `failure`: the code the till translates; the message stays English, for logs and support.
    const declined = (message: string, failure: CardFailure = 'not-sent'): CardResult => ({
      ...base,
      status: 'declined',
      message,
      failure,
    });
    const unknown = (message: string, failure: CardFailure = 'terminal-error'): CardResult => ({
      ...base,
      status: 'unknown',
      message,
      failure,
    });
    if (closing) return declined('The card terminal connection is closed: nothing was charged.');
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0 || request.amount > MAX_AMOUNT) {
      return declined(
        `The amount ${request.amount} cannot be sent: it must be a whole number of cents from 1 to ${MAX_AMOUNT}. Nothing was charged.`,
      );
    }
    const currency = currencyNumber(request.currency);
    if (!currency) return declined(`The currency "${request.currency}" has no ISO numeric code known to the till: nothing was charged.`);
    const encoded = encodeRequest({
      posNumber,
      amount: request.amount,
      answer: options.answer ?? 'full',
      paymentMode: CARD_PAYMENT_MODE,
      transaction,
      currency,
      privateData: attempt.privateData,
      answerAt: 'end',
      forceAuthorization,
    });
    if (!encoded.ok) return declined(`${encoded.message} Nothing was charged.`);
    const frame = encodeFrame(encoded.data);
    if (!frame.ok) return declined(`${frame.message} Nothing was charged.`);

    const opened = await ensureLine();
    if (!opened.ok) return declined(`Card terminal unreachable, nothing was charged: ${opened.message}`, 'not-connected');
    const port = opened.line;
    await serviceIdleLine(port);
    if (line !== port)
      return declined(`Card terminal unreachable, nothing was charged: ${deviceStatus.message ?? 'the line closed.'}`, 'not-connected');

    current = attempt;
    setStatus('busy');
    try {
      let sent = await sendRequest(port, frame.bytes, limits);
      for (let collisions = 0; sent.kind === 'collision' && collisions < LIMITS.enqTries; collisions++) {
        await receiveLate(port);
        if (line !== port)
          return declined(`Card terminal unreachable, nothing was charged: ${deviceStatus.message ?? 'the line closed.'}`, 'not-connected');
        sent = await sendRequest(port, frame.bytes, limits);
      }
      switch (sent.kind) {
        case 'collision':
          return declined('The card terminal kept sending instead of taking the payment request: nothing was charged. Try again.', 'busy');
        case 'not-sent':
          if (!port.isOpen()) lineLost(port, sent.message);
          return declined(
            sent.message.includes('nothing was charged') ? sent.message : `Card terminal unreachable, nothing was charged: ${sent.message}`,
            'not-connected',
          );
        case 'refused-frame':
          return declined(sent.message);
        case 'uncertain':
          if (sent.disconnected) lineLost(port, sent.message);
          return unknown(`${sent.message} The customer may have been charged: check the terminal's last transaction.`);
        case 'sent':
          break;
      }
      return await awaitAnswer(port, attempt, unknown);
    } finally {
      current = null;
      if (line === port) setStatus('ready');
    }
  };

  const awaitAnswer = async (
    port: OpenedLine,
    attempt: Attempt,
    unknown: (message: string, failure?: CardFailure) => CardResult,
  ): Promise<CardResult> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const input = await port.next(Math.max(0, deadline - Date.now()));
      if (input.kind === 'timeout') {
        return unknown(
          `No answer from the card terminal within ${timeoutMs / 1000} s: the customer may have been charged. Check the terminal's last transaction; a late answer will still be recorded.`,
          'timeout',
        );
      }
      if (input.kind === 'closed') {
        lineLost(port, input.reason);
        return unknown(
          `${closing ? 'The till closed the card terminal connection' : input.reason} during the payment: the customer may have been charged. Check the terminal's last transaction.`,
          'connection-lost',
        );
      }
      if (input.kind !== 'control' || input.name !== 'ENQ') {
        setStatus('busy', `Ignored ${describe(input)} from the card terminal while waiting for its answer.`);
        continue;
      }
      const received = await receiveFrame(port, limits);
      if (received.kind === 'closed') {
        lineLost(port, received.reason);
        return unknown(
          `${received.reason} while the terminal was answering: the customer may have been charged. Check the terminal's last transaction.`,
          'connection-lost',
        );
      }
      if (received.kind !== 'frame')
        return unknown(`${received.message} The customer may have been charged: check the terminal's last transaction.`);
      const parsed = parseAnswer(received.data);
      if (!parsed.ok)
        return unknown(
          `The card terminal's answer could not be read (${parsed.message}): the customer may have been charged. Check the terminal's last transaction.`,
        );
      const owner = attemptFor(parsed.value);
      if (owner === attempt) {
        return answerToCardResult(parsed.value, {
          attemptKey: attempt.request.attemptKey,
          requestedAmount: attempt.request.amount,
          forcedAuthorization: forceAuthorization,
        });
      }
      late(owner, parsed.value, owner ? whyLate(owner) : '');
    }
  };

  /** Idempotent by attempt key: a key seen before gets what is known of it, and nothing is sent again. */
  const attemptOnce = (request: CardPaymentRequest, transaction: 'debit' | 'credit'): Promise<CardResult> => {
    const known = attempts.get(request.attemptKey);
    if (known) return known.late ? Promise.resolve(known.late) : known.result;
    const privateData = privateDataFor(request.attemptKey);
    const attempt: Attempt = {
      request: { ...request },
      privateData,
      // Settled inside the session, so an answer read right after it already sees the outcome.
      result: session(async () => (attempt.settled = await run(attempt, transaction))),
    };
    attempts.set(request.attemptKey, attempt);
    attemptsByTag.set(privateData, attempt);
    return attempt.result;
  };

  function status(): DeviceStatus;
  function status(attemptKey: string): Promise<CardResult>;
  function status(attemptKey?: string): DeviceStatus | Promise<CardResult> {
    if (attemptKey === undefined) return deviceStatus;
    const attempt = attempts.get(attemptKey);
    const known = attempt?.late ?? (attempt?.settled?.status === 'unknown' ? undefined : attempt?.settled);
    if (known) return Promise.resolve(known);
    return Promise.resolve({
      attemptKey,
      status: 'unknown',
      amount: attempt?.request.amount ?? 0,
      terminal: CONCERT_TERMINAL,
      message: attempt
        ? attempt.settled
          ? "The terminal has not answered this payment. Concert has no status enquiry: check the terminal's last transaction."
          : 'The payment is still in progress on the terminal.'
        : 'This till has no record of this payment on the Concert terminal.',
    });
  }

  return {
    label: options.label ?? `Concert card terminal on ${options.path}`,
    pay: (request) => attemptOnce(request, 'debit'),
    refund: (request) => attemptOnce(request, 'credit'),
    status,
    on: (event, listener) => events.on(event, listener),
    async open() {
      closing = false;
      await ensureLine();
    },
    async close() {
      closing = true;
      const open = line;
      line = null;
      await open?.close();
      // Let a payment that was reading the line finish with "unknown" before reporting closed.
      await queue(async () => undefined);
      setStatus('closed');
    },
  };
}

function describe(input: { readonly kind: string; readonly name?: string; readonly byte?: number }): string {
  if (input.kind === 'control') return input.name ?? 'a control byte';
  if (input.kind === 'noise') return `byte 0x${(input.byte ?? 0).toString(16).padStart(2, '0')}`;
  if (input.kind === 'frame') return 'a frame';
  return 'a damaged frame';
}
