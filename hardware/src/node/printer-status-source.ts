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
