import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HidDeviceInfo } from '../../common/scanner/hid-device-port';
import { encodeHidPosReport } from '../../common/scanner/hid-pos-report';
import {
  createFakeHidBus,
  HONEYWELL_EAN13,
  HONEYWELL_GS1_DATAMATRIX,
  replayScan,
  ZEBRA_GS1_128,
  type FakeHidBus,
} from '../../test-support/hid-replay-rig';
import { recordScannerEvents } from '../../test-support/scanner-events';
import { until } from '../../test-support/until';
import { createHidPosScanner, type HidPosScanner } from './hid-pos-scanner';

const HONEYWELL_HID_POS: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b87,
  usagePage: 0x8c,
  usage: 0x02,
  product: 'Voyager 1450g',
  serialNumber: '19247B3C56',
};
const HONEYWELL_KEYBOARD: HidDeviceInfo = { ...HONEYWELL_HID_POS, path: '/dev/hidraw2', usagePage: 0x01, usage: 0x06 };
const UNKNOWN_VENDOR: HidDeviceInfo = { path: '/dev/hidraw7', vendorId: 0x1eab, productId: 0x1a03, usagePage: 0x8c, product: 'NLS-HR22' };

const drivers: HidPosScanner[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) await driver.close();
});

function start(bus: FakeHidBus, options: Parameters<typeof createHidPosScanner>[0] = {}) {
  const driver = createHidPosScanner({
    enumerate: bus.enumerate,
    openDevice: bus.open,
    pollIntervalMs: 10,
    chunkTimeoutMs: 50,
    ...options,
  });
  drivers.push(driver);
  return { driver, ...recordScannerEvents(driver) };
}

describe('HID POS scanner driver (recorded reports replayed through an injected device)', () => {
  it('opens the HID POS interface, not the keyboard one, and emits single-report codes with their symbology', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_KEYBOARD);
    bus.plug(HONEYWELL_HID_POS);
    const { driver, scans } = start(bus);
    await driver.open();
    expect(driver.status()).toEqual({ state: 'ready', message: 'Honeywell Voyager 1450g (0c2e:0b87) ready (HID POS, Honeywell profile).' });
    expect(driver.mode).toBe('hid-pos');
    const device = bus.device('/dev/hidraw3')!;
    // The Honeywell profile's enable report went out once.
    expect(device.featureReports).toEqual([[0xfe, 0x01]]);
    await replayScan(device, HONEYWELL_EAN13);
    await replayScan(device, ZEBRA_GS1_128);
    expect(scans).toEqual([
      { code: '3760000000017', aim: ']E0', symbology: 'ean-13', source: 'hid-pos' },
      { code: ZEBRA_GS1_128.expected.code, aim: ']C1', symbology: 'gs1-128', source: 'hid-pos' },
    ]);
  });

  it('joins the chunks of a long 2D code into one code', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    const { driver, scans } = start(bus);
    await driver.open();
    await replayScan(bus.device('/dev/hidraw3')!, HONEYWELL_GS1_DATAMATRIX, 5);
    expect(scans).toEqual([{ code: HONEYWELL_GS1_DATAMATRIX.expected.code, aim: ']d2', symbology: 'gs1-datamatrix', source: 'hid-pos' }]);
  });

  it('drops a code whose last chunk never comes, with a status, and reads the next one', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    const { driver, scans, statuses } = start(bus);
    await driver.open();
    const device = bus.device('/dev/hidraw3')!;
    await replayScan(device, { reports: HONEYWELL_GS1_DATAMATRIX.reports.slice(0, 1) });
    await until(() => driver.status().state === 'error');
    expect(driver.status().message).toContain('partial code was dropped');
    await replayScan(device, HONEYWELL_EAN13);
    expect(scans.map((s) => s.code)).toEqual(['3760000000017']);
    expect(statuses.at(-1)?.state).toBe('ready');
  });

  it('still drops a partial code when its timer fires a millisecond before the wall clock says the wait is over', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    const { driver, scans } = start(bus);
    await driver.open();
    const device = bus.device('/dev/hidraw3')!;
    // The wall clock as the driver reads it: the chunk comes at 1000, and when the 50 ms timer fires
    // the clock says 1049 (timers and Date.now() do not tick together), later 1100.
    let clock = 1000;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => clock);
    try {
      await replayScan(device, { reports: HONEYWELL_GS1_DATAMATRIX.reports.slice(0, 1) });
      clock = 1049;
      await new Promise((resolve) => setTimeout(resolve, 120));
      clock = 1100;
      await until(() => driver.status().state === 'error');
    } finally {
      now.mockRestore();
    }
    await replayScan(device, HONEYWELL_EAN13);
    expect(scans.map((s) => s.code)).toEqual(['3760000000017']);
  });

  it('unplugged mid-scan: drops the partial code, says so, and reopens the scanner on its new path', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    const { driver, scans, disconnects } = start(bus);
    await driver.open();
    await replayScan(bus.device('/dev/hidraw3')!, { reports: HONEYWELL_GS1_DATAMATRIX.reports.slice(0, 1) });
    bus.unplug('/dev/hidraw3');
    expect(disconnects).toEqual([
      'The scanner was unplugged in the middle of a scan: the partial code was dropped. Scan it again once the scanner is back.',
    ]);
    expect(driver.status()).toMatchObject({ state: 'disconnected', message: expect.stringContaining('Waiting for it to come back') });
    expect(bus.device('/dev/hidraw3')!.closed).toBe(true);

    bus.plug({ ...HONEYWELL_HID_POS, path: '/dev/hidraw5' });
    await until(() => driver.status().state === 'ready');
    await replayScan(bus.device('/dev/hidraw5')!, HONEYWELL_EAN13);
    expect(scans.map((s) => s.code)).toEqual(['3760000000017']);
  });

  it('does not take another scanner for the one that was unplugged', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    const { driver } = start(bus);
    await driver.open();
    bus.unplug('/dev/hidraw3');
    bus.plug(UNKNOWN_VENDOR);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(driver.status().state).toBe('disconnected');
    expect(bus.device('/dev/hidraw7')).toBeUndefined();
  });

  it('permission denied: an error naming the udev rule file and the reload command, then opens once allowed', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    bus.failOpen('/dev/hidraw3', new Error('cannot open device with path /dev/hidraw3'));
    const { driver } = start(bus);
    await driver.open();
    const status = driver.status();
    expect(status.state).toBe('error');
    expect(status.message).toContain('Not allowed to open the Honeywell Voyager 1450g (0c2e:0b87) at /dev/hidraw3');
    expect(status.message).toContain('build/linux/70-pos-hid-scanners.rules');
    expect(status.message).toContain('sudo udevadm control --reload-rules');
    bus.failOpen('/dev/hidraw3', undefined);
    await until(() => driver.status().state === 'ready');
  });

  it('reads an unknown vendor on usage page 0x8C with the generic profile, and says so', async () => {
    const bus = createFakeHidBus();
    bus.plug(UNKNOWN_VENDOR);
    const { driver, scans } = start(bus);
    await driver.open();
    expect(driver.status()).toEqual({
      state: 'ready',
      message: 'scanner NLS-HR22 (1eab:1a03) ready: unknown vendor on usage page 0x8c, read with the generic HID POS profile.',
    });
    expect(bus.device('/dev/hidraw7')!.featureReports).toEqual([]);
    await replayScan(bus.device('/dev/hidraw7')!, HONEYWELL_EAN13);
    expect(scans).toHaveLength(1);
    expect(await driver.trigger(true)).toBe(false);
  });

  it('a known scanner in keyboard mode: tells how to switch it to HID POS', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_KEYBOARD);
    const { driver } = start(bus);
    await driver.open();
    expect(driver.status()).toMatchObject({
      state: 'error',
      message: expect.stringContaining('is not in HID POS mode (its interface has usage page 0x1'),
    });
    expect(driver.status().message).toContain('PAP131');
  });

  it('no scanner at all: waits for one, and opens it when it is plugged in', async () => {
    const bus = createFakeHidBus();
    const { driver } = start(bus);
    await driver.open();
    expect(driver.status()).toMatchObject({ state: 'disconnected', message: expect.stringContaining('No HID POS scanner is plugged in') });
    bus.plug(HONEYWELL_HID_POS);
    await until(() => driver.status().state === 'ready');
  });

  it('a garbled report is an error status, never a code; the next good scan makes it ready again', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    const { driver, scans } = start(bus);
    await driver.open();
    const device = bus.device('/dev/hidraw3')!;
    device.emitReport(Uint8Array.of(0x02, 0x05, 0x5d));
    expect(driver.status()).toMatchObject({ state: 'error', message: expect.stringContaining('3-byte report') });
    const bad = encodeHidPosReport({ aim: ']E0', data: new Uint8Array(3) });
    bad[1] = 200;
    device.emitReport(bad);
    device.emitReport(Uint8Array.of(0x04, ...new Uint8Array(63)));
    expect(scans).toEqual([]);
    await replayScan(device, HONEYWELL_EAN13);
    expect(scans).toHaveLength(1);
    expect(driver.status().state).toBe('ready');
  });

  it('sends the Honeywell trigger reports, and survives a refused enable report', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS, { refuseFeatureReports: true });
    const { driver } = start(bus);
    await driver.open();
    expect(driver.status().message).toContain('refused the Honeywell enable report');
    expect(await driver.trigger(true)).toBe(true);
    expect(await driver.trigger(false)).toBe(true);
    expect(bus.device('/dev/hidraw3')!.written).toEqual([
      [0xfd, 0x03, 0x16, 0x54, 0x0d],
      [0xfd, 0x03, 0x16, 0x55, 0x0d],
    ]);
  });

  it('close() stops looking for the scanner and ignores reports that arrive late', async () => {
    const bus = createFakeHidBus();
    bus.plug(HONEYWELL_HID_POS);
    const { driver, scans } = start(bus);
    await driver.open();
    const device = bus.device('/dev/hidraw3')!;
    await driver.close();
    expect(driver.status()).toEqual({ state: 'closed' });
    expect(device.closed).toBe(true);
    device.closed = false;
    await replayScan(device, HONEYWELL_EAN13);
    const opens = bus.openCount;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(bus.openCount).toBe(opens);
    expect(scans).toEqual([]);
  });
});
