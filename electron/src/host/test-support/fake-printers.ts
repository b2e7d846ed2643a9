import { startFakeNetworkPrinter, type FakeNetworkPrinter } from '@pos/hardware/fake';
import { afterEach } from 'vitest';
import { hostPool, tempDirs } from './host-harness';

/**
 * What a printing test file needs: data folders, hosts and fake network printers, all closed
 * and removed after each test.
 */
export function printingRig() {
  const dirs = tempDirs();
  const hosts = hostPool();
  const printers: FakeNetworkPrinter[] = [];
  afterEach(async () => {
    await hosts.closeAll();
    for (const printer of printers.splice(0)) await printer.stop();
    await dirs.cleanup();
  });
  return {
    dirs,
    hosts,
    async fakePrinter(...args: Parameters<typeof startFakeNetworkPrinter>): Promise<FakeNetworkPrinter> {
      const printer = await startFakeNetworkPrinter(...args);
      printers.push(printer);
      return printer;
    },
  };
}
