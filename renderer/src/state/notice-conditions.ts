import type { FiscalStatus, PrinterStatus } from '@pos/core';
import type { ConnectionState } from '../bridge';

/**
 * A state of the till a notice is about. Such a notice lasts as long as the state does: a
 * warning left on screen after its cause is gone teaches the cashier to ignore warnings.
 */
export type NoticeCondition = 'host-unreachable' | 'sealing-stopped' | 'overlay-open' | 'drawer-open';

export type TillConditions = {
  readonly connection: ConnectionState;
  readonly fiscal: FiscalStatus;
  readonly printer: PrinterStatus | null;
  readonly overlayOpen: boolean;
};

/** Whether the state a notice is about still holds. */
export function conditionHolds(condition: NoticeCondition, till: TillConditions): boolean {
  switch (condition) {
    case 'host-unreachable':
      return till.connection !== 'connected';
    case 'sealing-stopped':
      return till.fiscal.state === 'stopped';
    case 'overlay-open':
      // A dialog or panel covering the sale screen: scans wait while it is open.
      return till.overlayOpen;
    case 'drawer-open':
      // Unknown printer state: the drawer may still be open, the notice stays.
      return till.printer === null || (till.printer.conditions ?? []).includes('drawer-open');
  }
}
