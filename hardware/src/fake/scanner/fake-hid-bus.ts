import type { HidDeviceInfo, HidEnumerator, HidInputDevice, HidOpener } from '../../common/scanner/hid-device-port';
import { hexToBytes, type RecordedScan } from './recorded-reports';

/** A HID device in memory: the test plays reports into it and pulls its plug. */
export class FakeHidDevice implements HidInputDevice {
  readonly featureReports: number[][] = [];
  readonly written: number[][] = [];
  closed = false;
  private readonly reportListeners: ((report: Uint8Array) => void)[] = [];
  private readonly errorListeners: ((error: unknown) => void)[] = [];

  constructor(
    readonly info: HidDeviceInfo,
    private readonly refuseFeatureReports = false,
  ) {}

  onReport(listener: (report: Uint8Array) => void): void {
    this.reportListeners.push(listener);
  }

  onError(listener: (error: unknown) => void): void {
    this.errorListeners.push(listener);
  }

  async sendFeatureReport(bytes: readonly number[]): Promise<void> {
    if (this.refuseFeatureReports) throw new Error('could not send feature report to device');
    this.featureReports.push([...bytes]);
  }

  async write(bytes: readonly number[]): Promise<void> {
    this.written.push([...bytes]);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** One input report, as hidraw hands it over (report id first). */
  emitReport(report: Uint8Array): void {
    if (this.closed) return;
    for (const listener of this.reportListeners) listener(report);
  }

  /** What node-hid does when the device goes away under a read. */
  emitError(error: unknown): void {
    for (const listener of this.errorListeners) listener(error);
  }
}

export type FakeHidBus = {
  readonly enumerate: HidEnumerator;
  readonly open: HidOpener;
  plug(info: HidDeviceInfo, options?: { readonly refuseFeatureReports?: boolean }): void;
  /** Removes the device and fails its reads like an unplugged USB device. */
  unplug(path: string): void;
  /** The handle opened last on `path`. */
  device(path: string): FakeHidDevice | undefined;
  /** Makes every open of `path` fail with `error` until cleared with undefined. */
  failOpen(path: string, error: Error | undefined): void;
  readonly openCount: number;
};

/** The enumerator and opener the HID POS driver takes, over devices in memory. */
export function createFakeHidBus(): FakeHidBus {
  const plugged = new Map<string, { info: HidDeviceInfo; refuseFeatureReports: boolean }>();
  const opened = new Map<string, FakeHidDevice>();
  const openErrors = new Map<string, Error>();
  let openCount = 0;
  return {
    enumerate: async () => [...plugged.values()].map((entry) => entry.info),
    open: async (path) => {
      openCount++;
      const failure = openErrors.get(path);
      if (failure) throw failure;
      const entry = plugged.get(path);
      if (!entry) throw new Error(`cannot open device with path ${path}`);
      const device = new FakeHidDevice(entry.info, entry.refuseFeatureReports);
      opened.set(path, device);
      return device;
    },
    plug: (info, options = {}) => {
      if (!info.path) throw new Error('a plugged device needs a path');
      plugged.set(info.path, { info, refuseFeatureReports: options.refuseFeatureReports ?? false });
    },
    unplug: (path) => {
      plugged.delete(path);
      opened.get(path)?.emitError(new Error('could not read from HID device'));
    },
    device: (path) => opened.get(path),
    failOpen: (path, error) => {
      if (error) openErrors.set(path, error);
      else openErrors.delete(path);
    },
    get openCount() {
      return openCount;
    },
  };
}

/** Plays recorded reports into a device, `gapMs` apart (0: all at once, as a fast USB bus does). */
export async function replayScan(device: FakeHidDevice, scan: Pick<RecordedScan, 'reports'>, gapMs = 0): Promise<void> {
  for (const hex of scan.reports) {
    device.emitReport(hexToBytes(hex));
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
}
