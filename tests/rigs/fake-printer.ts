import { startFakeNetworkPrinter, type FakeNetworkPrinter, type FakeNetworkPrinterOptions } from '@pos/hardware/fake';

export type { FakeNetworkPrinter, FakeNetworkPrinterOptions, FakePrinterMode, FakePrinterStatus } from '@pos/hardware/fake';

export type FakePrinterRig = FakeNetworkPrinter & {
  /** Resolves once `count` receipts in all have arrived (default 1), with all of them; rejects after `timeoutMs`. */
  waitForReceipts(count?: number, timeoutMs?: number): Promise<readonly Buffer[]>;
};

/**
 * The fake network printer for end-to-end tests: start one per test file on an ephemeral port,
 * point the till at `printer.target`, and stop it in afterAll.
 */
export async function startFakePrinter(options: FakeNetworkPrinterOptions = {}): Promise<FakePrinterRig> {
  const printer = await startFakeNetworkPrinter(options);
  const waitForReceipts = (count = 1, timeoutMs = 5000) =>
    new Promise<readonly Buffer[]>((resolve, reject) => {
      if (printer.receipts.length >= count) return resolve([...printer.receipts]);
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`The fake printer got ${printer.receipts.length} of ${count} receipts within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = printer.onReceipt(() => {
        if (printer.receipts.length < count) return;
        clearTimeout(timer);
        stop();
        resolve([...printer.receipts]);
      });
    });
  // Spread would copy the getters' current values (port, mode): keep the live object.
  return Object.assign(printer, { waitForReceipts });
}

export async function stopFakePrinter(printer: FakeNetworkPrinter | undefined): Promise<void> {
  await printer?.stop();
}
