import type { DrawerSettings, PrinterStatus, PrintOutcome, Receipt } from '@pos/core';

/** What the receipt service needs from the printer side: encode + send, and the last known state. */
export type ReceiptPrinter = {
  readonly columns: number;
  print(receipt: Receipt): Promise<PrintOutcome>;
  /** The Devices screen's test page. */
  printTestPage(): Promise<PrintOutcome>;
  /** The drawer-kick pulse through the printer's drawer connector. */
  openDrawer(drawer: DrawerSettings): Promise<PrintOutcome>;
  status(): PrinterStatus;
  refresh(): Promise<PrinterStatus>;
  close(): Promise<void>;
};
