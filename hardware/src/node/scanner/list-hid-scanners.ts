import type { HidEnumerator } from '../../common/scanner/hid-device-port';
import { findScannerProfile, isHidPosInterface } from '../../common/scanner/scanner-profiles';
import { enumerateNodeHid } from './node-hid-port';

/** One HID interface that is, or belongs to, a barcode scanner: a row of the Devices screen. */
export type HidScannerListing = {
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly product?: string;
  /** The vendor profile's name, or 'unknown' for another vendor on usage page 0x8C. */
  readonly profile: string;
  /** The interface speaks HID POS; otherwise it is the same scanner's keyboard or vendor interface. */
  readonly isHidPos: boolean;
};

/**
 * HID POS interfaces of any vendor, and every interface of the known scanner vendors (so a scanner
 * still in keyboard mode shows up with isHidPos false and the screen can say how to switch it).
 */
export async function listHidScanners(enumerate: HidEnumerator = enumerateNodeHid): Promise<HidScannerListing[]> {
  const devices = await enumerate();
  const listings: HidScannerListing[] = [];
  for (const device of devices) {
    const profile = findScannerProfile(device.vendorId);
    const isHidPos = isHidPosInterface(device);
    if (!device.path || (!profile && !isHidPos)) continue;
    listings.push({
      path: device.path,
      vendorId: device.vendorId,
      productId: device.productId,
      ...(device.product ? { product: device.product } : {}),
      profile: profile?.name ?? 'unknown',
      isHidPos,
    });
  }
  return listings;
}
