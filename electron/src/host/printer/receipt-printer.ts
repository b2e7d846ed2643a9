import type { DrawerSettings, PrinterSettings, PrinterStatus, PrintOutcome, Receipt } from '@pos/core';

/** What the receipt service needs from the printer side: encode + send, and the last known state. */
export type ReceiptPrinter = {
  readonly columns: number;
  /** False on a till set up with no printer ("none"): no drawer connector to drive. */
  readonly drivesDrawer: boolean;
  /** A receipt alone: a cash sale's drawer opens with its own kick (openDrawer), printed or not. */
  print(receipt: Receipt): Promise<PrintOutcome>;
  /** The Devices screen's test page. */
  printTestPage(): Promise<PrintOutcome>;
  /** The drawer-kick pulse through the printer's drawer connector. */
  openDrawer(drawer: DrawerSettings): Promise<PrintOutcome>;
  status(): PrinterStatus;
  refresh(): Promise<PrinterStatus>;
  /** The Devices screen changed the printer or the drawer wiring. */
  reconfigure(config: { readonly printer: PrinterSettings; readonly drawer: DrawerSettings }): Promise<void>;
  close(): Promise<void>;
};
