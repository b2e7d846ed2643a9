import { ACK, ENQ, EOT, NAK } from '../../../common/terminal/concert/frame';
import type { ConcertLine, LineInput } from './concert-line';

/**
 * The two half-sessions of the Concert link layer (pyTeliumManager `Telium.ask`/`verify`, pypostelium
 * `transaction_start`): the caisse sends ENQ, waits ACK, sends the frame, waits ACK (NAK: resend),
 * sends EOT; later the terminal sends ENQ, the caisse ACKs, the terminal sends its frame, the caisse
 * ACKs (NAK: asks for a resend), the terminal sends EOT.
 */
export type LinkLimits = {
  /** Wait for each ACK, and for each frame once its sender has been told to go. */
  readonly ackTimeoutMs: number;
  /** ENQ tries before concluding the terminal is not listening (pypostelium: 3). */
  readonly enqTries: number;
  /** NAKs sent or received for one frame before giving up (the brief and common practice: 3). */
  readonly maxNaks: number;
};

export type SendOutcome =
  | { readonly kind: 'sent'; readonly naks: number }
  /** Nothing of the request reached the terminal: a certain non-charge. */
  | { readonly kind: 'not-sent'; readonly message: string }
  /** The terminal refused every copy with NAK: it never took the request. */
  | { readonly kind: 'refused-frame'; readonly message: string }
  /** The frame went out and we cannot tell whether the terminal took it. */
  | { readonly kind: 'uncertain'; readonly message: string; readonly disconnected: boolean }
  /** The terminal has something to say first (its ENQ crossed ours). */
  | { readonly kind: 'collision' };

const control = (byte: number) => Uint8Array.of(byte);
const isControl = (input: LineInput, name: 'ENQ' | 'ACK' | 'NAK' | 'EOT') => input.kind === 'control' && input.name === name;

/** Waits for ACK or NAK, skipping bytes that mean neither (reported by the caller's log, not acted on). */
async function awaitAckOrNak(line: ConcertLine, timeoutMs: number): Promise<LineInput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const input = await line.next(Math.max(0, deadline - Date.now()));
    if (input.kind === 'noise' || input.kind === 'bad-frame' || input.kind === 'frame') continue;
    if (input.kind === 'control' && input.name === 'EOT') continue;
    return input;
  }
}

export async function sendRequest(line: ConcertLine, frame: Uint8Array, limits: LinkLimits): Promise<SendOutcome> {
  let acknowledged = false;
  for (let attempt = 1; attempt <= limits.enqTries && !acknowledged; attempt++) {
    const wrote = await line.write(control(ENQ));
    if (!wrote.ok) return { kind: 'not-sent', message: wrote.message };
    const answer = await awaitAckOrNak(line, limits.ackTimeoutMs);
    if (answer.kind === 'closed') return { kind: 'not-sent', message: answer.reason };
    if (isControl(answer, 'ENQ')) return { kind: 'collision' };
    if (isControl(answer, 'ACK')) acknowledged = true;
    // NAK or silence: end the session politely and try again (pypostelium does the same).
    else await line.write(control(EOT));
  }
  if (!acknowledged) {
    return {
      kind: 'not-sent',
      message: `The card terminal did not answer (no ACK to ${limits.enqTries} ENQ): terminal unreachable, nothing was charged. Is it on, plugged in, and set to the Concert protocol at this speed?`,
    };
  }
  for (let naks = 0; ; naks++) {
    const wrote = await line.write(frame);
    if (!wrote.ok) return { kind: 'uncertain', message: wrote.message, disconnected: true };
    const answer = await awaitAckOrNak(line, limits.ackTimeoutMs);
    if (isControl(answer, 'ACK')) {
      await line.write(control(EOT));
      return { kind: 'sent', naks };
    }
    if (answer.kind === 'closed') return { kind: 'uncertain', message: answer.reason, disconnected: true };
    if (isControl(answer, 'NAK')) {
      if (naks < limits.maxNaks) continue;
      await line.write(control(EOT));
      return {
        kind: 'refused-frame',
        message: `The card terminal refused the payment request ${naks + 1} times (NAK: damaged on the line?): nothing was charged. Check the cable and the speed/parity settings.`,
      };
    }
    // Silence or an unexpected byte after the whole request went out: it may have started.
    await line.write(control(EOT));
    return {
      kind: 'uncertain',
      message: `The card terminal did not acknowledge the payment request within ${limits.ackTimeoutMs / 1000} s: it may have started the payment.`,
      disconnected: false,
    };
  }
}

export type ReceiveOutcome =
  | { readonly kind: 'frame'; readonly data: Uint8Array; readonly naks: number }
  | { readonly kind: 'damaged'; readonly message: string }
  | { readonly kind: 'abandoned'; readonly message: string }
  | { readonly kind: 'closed'; readonly reason: string };

/** Receives one frame after the terminal's ENQ has been read. NAKs a bad frame up to maxNaks times. */
export async function receiveFrame(line: ConcertLine, limits: LinkLimits): Promise<ReceiveOutcome> {
  const acked = await line.write(control(ACK));
  if (!acked.ok) return { kind: 'closed', reason: acked.message };
  const faults: string[] = [];
  for (;;) {
    const input = await line.next(limits.ackTimeoutMs);
    if (input.kind === 'closed') return { kind: 'closed', reason: input.reason };
    if (input.kind === 'noise') continue;
    if (input.kind === 'control') {
      // The terminal restarted its session: say yes again.
      if (input.name === 'ENQ') {
        await line.write(control(ACK));
        continue;
      }
      if (input.name === 'EOT')
        return {
          kind: 'abandoned',
          message: `The terminal ended the session before a good answer arrived${faults.length ? ` (${faults.join('; ')})` : ''}.`,
        };
      continue;
    }
    if (input.kind === 'frame') {
      await line.write(control(ACK));
      // The closing EOT is courtesy: its absence changes nothing about the answer we hold, and
      // whatever comes instead (a second answer's ENQ) stays on the line for the driver.
      const closing = await line.next(limits.ackTimeoutMs);
      if (closing.kind !== 'timeout' && !isControl(closing, 'EOT')) line.putBack(closing);
      return { kind: 'frame', data: input.data, naks: faults.length };
    }
    faults.push(input.kind === 'bad-frame' ? input.error.message : `no frame within ${limits.ackTimeoutMs / 1000} s`);
    if (faults.length > limits.maxNaks) {
      await line.write(control(EOT));
      return { kind: 'damaged', message: `The terminal's answer arrived damaged ${faults.length} times (${faults.at(-1)}).` };
    }
    await line.write(control(NAK));
  }
}
