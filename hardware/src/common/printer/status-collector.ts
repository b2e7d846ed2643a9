import type { PrinterProfile } from '../printer';
import { statusRequestBytes, STAR_STATUS_REQUEST, STATUS_REQUESTS } from './esc-pos-commands';
import { createEscPosReplyReader } from './esc-pos-reply-reader';
import { parseDleEotReply } from './esc-pos-status';
import { mergeSensors, type PrinterSensors } from './printer-sensors';
import { createStarReplyReader } from './star-reply-reader';

export type CollectedStatus = { readonly ok: true; readonly sensors: PrinterSensors } | { readonly ok: false; readonly error: string };

/**
 * One status query, whatever carries the bytes (a TCP connection, a serial port): the request to
 * send (DLE EOT 1–4, or Star's ESC ACK SOH), then the replies fed as they come until `push` says
 * it has them all, and the printer's sensors read from them.
 */
export type StatusCollector = {
  readonly request: Uint8Array;
  /** Feeds what the printer sent; true once every reply is in. */
  push(chunk: Uint8Array): boolean;
  result(): CollectedStatus;
};

export function createStatusCollector(language: PrinterProfile['language']): StatusCollector {
  if (language === 'star-prnt') {
    const reader = createStarReplyReader();
    let star: PrinterSensors | null = null;
    return {
      request: STAR_STATUS_REQUEST,
      push(chunk) {
        star = reader.push(chunk).find((r) => r.kind === 'star-asb')?.sensors ?? star;
        return star !== null;
      },
      result: () => (star ? { ok: true, sensors: star } : { ok: false, error: 'no status was received' }),
    };
  }
  const reader = createEscPosReplyReader();
  const bytes: number[] = [];
  return {
    request: statusRequestBytes(),
    push(chunk) {
      for (const reply of reader.push(chunk)) if (reply.kind === 'status-byte') bytes.push(reply.byte);
      return bytes.length >= STATUS_REQUESTS.length;
    },
    result() {
      if (bytes.length < STATUS_REQUESTS.length)
        return { ok: false, error: `${bytes.length} of ${STATUS_REQUESTS.length} status replies were received` };
      const readings: PrinterSensors[] = [];
      for (const [i, n] of STATUS_REQUESTS.entries()) {
        const parsed = parseDleEotReply(n, bytes[i]!);
        if (!parsed.ok) return { ok: false, error: parsed.error };
        readings.push(parsed.sensors);
      }
      return { ok: true, sensors: mergeSensors(...readings) };
    },
  };
}
