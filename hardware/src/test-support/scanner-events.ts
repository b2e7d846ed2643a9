import type { DeviceStatus } from '../common/device';
import type { ScanData, ScannerDriver } from '../common/scanner/scanner-types';

/** Everything a scanner driver reported, in order, for a test to look at afterwards. */
export function recordScannerEvents(driver: ScannerDriver) {
  const scans: ScanData[] = [];
  const statuses: DeviceStatus[] = [];
  const disconnects: string[] = [];
  driver.on('data', (scan) => scans.push(scan));
  driver.on('status', (status) => statuses.push(status));
  driver.on('disconnected', ({ reason }) => disconnects.push(reason));
  return { scans, statuses, disconnects };
}
