import { describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from '../../common/scanner/hid-device-port';
import { listHidScanners } from './list-hid-scanners';

const devices: HidDeviceInfo[] = [
  { path: '/dev/hidraw0', vendorId: 0x046d, productId: 0xc52b, usagePage: 0x01, usage: 0x06, product: 'Logitech keyboard' },
  { path: '/dev/hidraw2', vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x01, usage: 0x06, product: 'Voyager 1450g' },
  { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Voyager 1450g' },
  { path: '/dev/hidraw4', vendorId: 0x23d0, productId: 0x0c24, usagePage: 0x8c },
  { path: '/dev/hidraw5', vendorId: 0x05e0, productId: 0x1300, usagePage: 0x8c, product: 'DS2208' },
  { path: '/dev/hidraw6', vendorId: 0x05f9, productId: 0x4204, usagePage: 0xff00, product: 'QuickScan' },
  { path: '/dev/hidraw7', vendorId: 0x1eab, productId: 0x1a03, usagePage: 0x8c },
  { vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c },
];

describe('listHidScanners', () => {
  it('lists HID POS interfaces of any vendor and every interface of known scanner vendors, for the Devices screen', async () => {
    expect(await listHidScanners(async () => devices)).toEqual([
      { path: '/dev/hidraw2', vendorId: 0x0c2e, productId: 0x0b87, product: 'Voyager 1450g', profile: 'Honeywell', isHidPos: false },
      { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b87, product: 'Voyager 1450g', profile: 'Honeywell', isHidPos: true },
      { path: '/dev/hidraw4', vendorId: 0x23d0, productId: 0x0c24, profile: 'Honeywell', isHidPos: true },
      { path: '/dev/hidraw5', vendorId: 0x05e0, productId: 0x1300, product: 'DS2208', profile: 'Zebra (Symbol)', isHidPos: true },
      { path: '/dev/hidraw6', vendorId: 0x05f9, productId: 0x4204, product: 'QuickScan', profile: 'Datalogic', isHidPos: false },
      { path: '/dev/hidraw7', vendorId: 0x1eab, productId: 0x1a03, profile: 'unknown', isHidPos: true },
    ]);
  });

  it('works through node-hid on this machine (no scanners here: an empty list, no crash)', async () => {
    const listed = await listHidScanners();
    expect(Array.isArray(listed)).toBe(true);
  });
});
