import { parseMettler8217Frame, type Mettler8217Reply, type ScaleStatus } from './mettler-8217';

/**
 * What the till gets when it asks for a weight. Only `weight` may be charged: every other kind
 * carries the words the cashier reads on screen.
 */
export type WeightReading =
  | { readonly kind: 'weight'; readonly grams: number; readonly stable: true; readonly net: boolean }
  | { readonly kind: 'unstable'; readonly message: string }
  | { readonly kind: 'zero'; readonly message: string }
  | { readonly kind: 'negative'; readonly message: string }
  | { readonly kind: 'over-capacity'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export const SCALE_MESSAGES = {
  unstable: 'Wait for the scale to settle',
  zero: 'Nothing on the scale',
  negative: 'Zero the scale',
  overCapacity: 'Too heavy for the scale: take the item off',
  noZero: 'The scale cannot find its zero: empty it, then switch it off and on',
} as const;

/** What a status answer means for a weight request. Over capacity first: it needs the item taken off. */
function readingFromStatus(status: ScaleStatus, byte: number): WeightReading {
  if (status.overCapacity) return { kind: 'over-capacity', message: SCALE_MESSAGES.overCapacity };
  // In motion and below zero is usually a hand on the platter: settling comes first.
  if (status.motion) return { kind: 'unstable', message: SCALE_MESSAGES.unstable };
  if (status.underZero) return { kind: 'negative', message: SCALE_MESSAGES.negative };
  if (status.outsideZeroCaptureRange) return { kind: 'error', message: SCALE_MESSAGES.noZero };
  if (status.centerOfZero) return { kind: 'zero', message: SCALE_MESSAGES.zero };
  return { kind: 'error', message: `The scale gave no weight and no reason (status 0x${byte.toString(16)}): try again` };
}

export function readingFromReply(reply: Mettler8217Reply): WeightReading {
  switch (reply.kind) {
    case 'weight':
      if (reply.grams === 0) return { kind: 'zero', message: SCALE_MESSAGES.zero };
      return { kind: 'weight', grams: reply.grams, stable: true, net: reply.net };
    case 'status':
      return readingFromStatus(reply.status, reply.byte);
    case 'garbled':
      return { kind: 'error', message: reply.message };
  }
}

/** Parses the scale's answer to `W` (one whole `STX … CR` frame) into what the till may charge. */
export function parseWeightReply(frame: Uint8Array): WeightReading {
  return readingFromReply(parseMettler8217Frame(frame));
}

export type ScaleCommandOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Zero and tare are answered with a status. The protocol has no "refused" flag: a zero took when the
 * scale reports centre of zero; a tare took when the scale is steady and in range (assumption: the
 * sources disagree on whether bit 5 means "net weight", so it cannot confirm the tare).
 */
export function commandOutcome(command: 'zero' | 'tare', reply: Mettler8217Reply): ScaleCommandOutcome {
  if (reply.kind === 'garbled') return { ok: false, message: reply.message };
  if (reply.kind === 'weight')
    return { ok: false, message: `The scale answered the ${command} command with a weight: check it is set to the 8217 protocol` };
  const { status } = reply;
  if (status.overCapacity) return { ok: false, message: SCALE_MESSAGES.overCapacity };
  if (status.motion) return { ok: false, message: `${SCALE_MESSAGES.unstable}, then ${command === 'zero' ? 'zero' : 'tare'} it again` };
  if (command === 'zero') {
    if (status.centerOfZero) return { ok: true };
    return { ok: false, message: 'The scale would not zero: take everything off it and try again' };
  }
  if (status.underZero) return { ok: false, message: SCALE_MESSAGES.negative };
  return { ok: true };
}
