import type { PrintOutcome } from '@pos/core';
import type { PrinterSensors } from '../common/printer/printer-sensors';

/** One status query: what the sensors said, or why nothing was read. */
export type StatusReading =
  | { readonly ok: true; readonly sensors: PrinterSensors }
  | { readonly ok: false; readonly reason: 'unreachable' | 'timeout' | 'io' | 'no-reply'; readonly message: string };

/** Anything that can ask a printer for its status: the monitor polls it. */
export type PrinterStatusSource = {
  /** Where the printer is, as the till shows it ("tcp://10.0.0.7:9100"). */
  readonly target: string;
  queryStatus(): Promise<StatusReading>;
};

/** A status query that could not be sent: the transport's own failure, in its words where it has them. */
export function unsentStatusQuery(outcome: PrintOutcome, fallbackMessage: string): StatusReading {
  return outcome.status === 'failed' && outcome.reason !== 'no-printer'
    ? { ok: false, reason: outcome.reason, message: outcome.message }
    : { ok: false, reason: 'io', message: fallbackMessage };
}
