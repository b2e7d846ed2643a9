import { SerialPort } from 'serialport';
import { ACK, ENQ, EOT, NAK, encodeFrame } from '../../../common/terminal/concert/frame';
import { FrameReader, type LineEvent } from '../../../common/terminal/concert/frame-reader';
import { encodeAnswer, parseRequest, type ConcertAnswer, type ConcertRequest } from '../../../common/terminal/concert/messages';
import { createBehaviourChoice } from '../behaviour-choice';
import { createSimulatorTimers } from '../simulator-timers';

/**
 * What the simulated terminal does with the next payment request.
 * - approve / refuse: answers status '0' / '7' after `processingMs`.
 * - timeout: takes the request and never answers.
 * - late: approves after `lateMs` (set it beyond the till's timeout).
 * - twice: approves, then sends the same answer again.
 * - corrupt-once: the first copy of the answer has a bad LRC; after the till's NAK, a good copy.
 * - corrupt-always: every copy has a bad LRC (the till gives up after 3 NAKs).
 * - unknown-status: answers with status '9', which the till must read as unknown.
 * - nak-request: refuses every copy of the request frame with NAK.
 * - off: does not answer ENQ at all, like a terminal switched off.
 * Offline approval is not offered: a Concert E+ answer cannot express it (see common/…/card-result.ts).
 */
export type ConcertBehaviour =
  'approve' | 'refuse' | 'timeout' | 'late' | 'twice' | 'corrupt-once' | 'corrupt-always' | 'unknown-status' | 'nak-request' | 'off';

/** Cents endings that choose a behaviour at the till, like the in-memory simulator's MAGIC_CENTS. */
export const CONCERT_MAGIC_CENTS: Readonly<Record<number, ConcertBehaviour>> = {
  51: 'refuse',
  52: 'timeout',
  53: 'late',
  54: 'twice',
  55: 'corrupt-once',
  56: 'corrupt-always',
  57: 'unknown-status',
};

export type ConcertSimulatorOptions = {
  readonly path: string;
  readonly baudRate?: number;
  readonly dataBits?: 7 | 8;
  readonly parity?: 'even' | 'odd' | 'none';
  /** For amounts without a magic ending. Default 'approve'. */
  readonly behaviour?: ConcertBehaviour;
  /** The customer presenting the card. Default 1500 ms. */
  readonly processingMs?: number;
  /** Delay of a 'late' answer. Default 125 s, just past the till's default 120 s. */
  readonly lateMs?: number;
  /** Gap between the two answers of 'twice'. Default 200 ms. */
  readonly repeatMs?: number;
  /** Wait for each ACK/frame from the till. Default 3 s. */
  readonly ackTimeoutMs?: number;
  /** What the full answer's report field shows: terminals usually mask the middle digits. */
  readonly card?: string;
};

export type ConcertSimulatorLog = {
  /** Every request frame read, decoded. */
  readonly requests: ConcertRequest[];
  /** Control bytes from the till, in order. */
  readonly controls: ('ENQ' | 'ACK' | 'NAK' | 'EOT')[];
  /** Frames or bytes from the till that the simulator could not use. */
  readonly faults: string[];
  /** Answers sent (each good copy counts once). */
  readonly answers: ConcertAnswer[];
};

export type ConcertSimulator = {
  readonly received: ConcertSimulatorLog;
  /** 'all': the behaviour for every later request without a magic amount; 'next': for the next request only. */
  setBehaviour(behaviour: ConcertBehaviour, scope?: 'all' | 'next'): void;
  close(): Promise<void>;
};

type Input = LineEvent | { readonly kind: 'timeout' } | { readonly kind: 'closed' };

export function behaviourForConcertAmount(amount: number, fallback: ConcertBehaviour): ConcertBehaviour {
  return CONCERT_MAGIC_CENTS[Math.abs(amount) % 100] ?? fallback;
}

/** Starts a Concert E+ terminal on `path` (the far end of a pty pair, or a real null-modem port). */
export async function startConcertSimulator(options: ConcertSimulatorOptions): Promise<ConcertSimulator> {
  const processingMs = options.processingMs ?? 1500;
  const lateMs = options.lateMs ?? 125_000;
  const repeatMs = options.repeatMs ?? 200;
  const ackTimeoutMs = options.ackTimeoutMs ?? 3000;
  const card = options.card ?? '497010XXXXXX4242';
  const choice = createBehaviourChoice<ConcertBehaviour>(options.behaviour ?? 'approve');
  const received: ConcertSimulatorLog = { requests: [], controls: [], faults: [], answers: [] };

  const port = new SerialPort({
    path: options.path,
    baudRate: options.baudRate ?? 9600,
    dataBits: options.dataBits ?? 7,
    parity: options.parity ?? 'even',
    autoOpen: false,
  });
  const reader = new FrameReader();
  const queue: Input[] = [];
  const { later, sleep, ...timers } = createSimulatorTimers();
  let waiter: ((input: Input) => void) | null = null;
  let closed = false;

  const deliver = (input: Input) => {
    if (input.kind === 'control') received.controls.push(input.name);
    if (input.kind === 'bad-frame') received.faults.push(input.error.message);
    if (input.kind === 'noise') received.faults.push(`stray byte 0x${input.byte.toString(16)}`);
    if (waiter) {
      const take = waiter;
      waiter = null;
      take(input);
    } else queue.push(input);
  };
  port.on('data', (chunk: Buffer) => reader.push(chunk).forEach(deliver));
  port.on('error', () => undefined);
  port.on('close', () => {
    closed = true;
    deliver({ kind: 'closed' });
  });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));

  const next = (timeoutMs: number) =>
    new Promise<Input>((resolve) => {
      const queued = queue.shift();
      if (queued) return resolve(queued);
      if (closed) return resolve({ kind: 'closed' });
      const cancel = later(timeoutMs, () => {
        waiter = null;
        resolve({ kind: 'timeout' });
      });
      waiter = (input) => {
        cancel();
        resolve(input);
      };
    });
  const write = (bytes: Uint8Array) =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      port.write(Buffer.from(bytes), () => port.drain(() => resolve()));
    });
  const isControl = (input: Input, name: 'ENQ' | 'ACK' | 'NAK' | 'EOT') => input.kind === 'control' && input.name === name;

  /** The terminal's side of a session: ENQ, ACK, frame, ACK (NAK: resend at most 3 times), EOT. */
  const sendAnswer = async (answer: ConcertAnswer, badCopies: number) => {
    const encoded = encodeAnswer(answer);
    if (!encoded.ok) throw new Error(`simulator bug: ${encoded.message}`);
    const framed = encodeFrame(encoded.data);
    if (!framed.ok) throw new Error(`simulator bug: ${framed.message}`);
    // What the till sent while this terminal was busy (ENQs it never answered) is stale now.
    queue.splice(0);
    let accepted = false;
    for (let tries = 0; tries < 3 && !accepted; tries++) {
      await write(Uint8Array.of(ENQ));
      accepted = isControl(await next(ackTimeoutMs), 'ACK');
    }
    if (!accepted) return;
    for (let copy = 0; copy <= 3; copy++) {
      const bytes = Uint8Array.from(framed.bytes);
      if (copy < badCopies) bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
      await write(bytes);
      const reply = await next(ackTimeoutMs);
      if (isControl(reply, 'ACK')) {
        received.answers.push(answer);
        break;
      }
      if (!isControl(reply, 'NAK')) return;
    }
    await write(Uint8Array.of(EOT));
  };

  const answerTo = (request: ConcertRequest, status: '0' | '7' | '9'): ConcertAnswer => ({
    posNumber: request.posNumber,
    status,
    amount: request.amount,
    paymentMode: request.paymentMode,
    ...(request.answer === 'full' ? { report: status === '0' || status === '7' ? card : '' } : {}),
    currency: request.currency,
    privateData: request.privateData,
  });

  const perform = async (request: ConcertRequest, behaviour: ConcertBehaviour) => {
    switch (behaviour) {
      case 'timeout':
      case 'off':
      case 'nak-request':
        return;
      case 'late':
        await sleep(lateMs);
        return sendAnswer(answerTo(request, '0'), 0);
      case 'twice':
        await sleep(processingMs);
        await sendAnswer(answerTo(request, '0'), 0);
        await sleep(repeatMs);
        return sendAnswer(answerTo(request, '0'), 0);
      default:
        await sleep(processingMs);
        return sendAnswer(
          answerTo(request, behaviour === 'refuse' ? '7' : behaviour === 'unknown-status' ? '9' : '0'),
          behaviour === 'corrupt-once' ? 1 : behaviour === 'corrupt-always' ? 4 : 0,
        );
    }
  };

  /** The caisse's side of a session, as the terminal sees it: the request once taken, or null. */
  const takeRequest = async (
    explicit: ConcertBehaviour | undefined,
  ): Promise<{ request: ConcertRequest; behaviour: ConcertBehaviour } | null> => {
    await write(Uint8Array.of(ACK));
    let recorded = false;
    for (let naks = 0; naks <= 3;) {
      const input = await next(ackTimeoutMs);
      if (input.kind === 'closed' || input.kind === 'timeout' || isControl(input, 'EOT')) return null;
      if (input.kind === 'control' || input.kind === 'noise') continue;
      if (input.kind === 'frame') {
        const parsed = parseRequest(input.data);
        if (parsed.ok) {
          const behaviour = explicit ?? behaviourForConcertAmount(parsed.value.amount, choice.always);
          if (!recorded) received.requests.push(parsed.value);
          recorded = true;
          if (behaviour !== 'nak-request') {
            await write(Uint8Array.of(ACK));
            if (!isControl(await next(ackTimeoutMs), 'EOT')) received.faults.push('no EOT after the request');
            return { request: parsed.value, behaviour };
          }
        } else received.faults.push(parsed.message);
      }
      naks++;
      await write(Uint8Array.of(NAK));
    }
    return null;
  };

  const loop = async () => {
    while (!closed) {
      const input = await next(60_000);
      if (input.kind === 'closed') return;
      if (!isControl(input, 'ENQ')) continue;
      // 'off' stays silent: no ACK, so the till knows nothing was sent.
      const explicit = choice.takeNext();
      if ((explicit ?? choice.always) === 'off') continue;
      const taken = await takeRequest(explicit);
      if (taken) await perform(taken.request, taken.behaviour);
    }
  };
  const running = loop().catch(() => undefined);

  return {
    received,
    setBehaviour: (behaviour, scope = 'all') => choice.set(behaviour, scope === 'next' ? 'next' : 'always'),
    async close() {
      closed = true;
      timers.clear();
      waiter?.({ kind: 'closed' });
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
      await running;
    },
  };
}
