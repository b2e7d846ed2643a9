import type { PrinterTransport } from '../common/printer';
import { failed } from './print-outcome';

/** The till runs without a printer: every receipt fails as 'no-printer', so the screen offers another way. */
export function createNoPrinterTransport(): PrinterTransport {
  const message = 'No receipt printer is set up for this till.';
  return {
    target: 'none',
    write: async () => failed('no-printer', message),
    probe: async () => ({ reachable: false, message }),
    close: async () => undefined,
  };
}
