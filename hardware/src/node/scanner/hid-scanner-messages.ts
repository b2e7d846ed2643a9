import type { HidDeviceInfo } from '../../common/scanner/hid-device-port';
import { findScannerProfile, formatUsbId, GENERIC_HID_POS } from '../../common/scanner/scanner-profiles';

/** The rule file the .deb installs; the AppImage leaves it to the manager. */
export const UDEV_RULE_PATH = 'build/linux/70-pos-hid-scanners.rules';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function describeScanner(device: HidDeviceInfo): string {
  const vendor = findScannerProfile(device.vendorId)?.name ?? 'scanner';
  const name = device.product ? `${vendor} ${device.product}` : vendor;
  return `${name} (${formatUsbId(device.vendorId, device.productId)})`;
}

/** hidapi says "cannot open device with path …" for a hidraw node the user may not read. */
export function isPermissionError(error: unknown): boolean {
  return /EACCES|permission denied|cannot open device/i.test(errorMessage(error));
}

export function openFailedMessage(device: HidDeviceInfo, error: unknown): string {
  const where = `${describeScanner(device)} at ${device.path ?? 'an unknown path'}`;
  if (isPermissionError(error)) {
    return (
      `Not allowed to open the ${where}. Install the udev rule ${UDEV_RULE_PATH}: copy it to /etc/udev/rules.d/, ` +
      'run "sudo udevadm control --reload-rules && sudo udevadm trigger --subsystem-match=hidraw", then unplug and replug the scanner ' +
      '(or another program is holding it).'
    );
  }
  return `Could not open the ${where}: ${errorMessage(error)}`;
}

export function notHidPosMessage(device: HidDeviceInfo): string {
  const profile = findScannerProfile(device.vendorId) ?? GENERIC_HID_POS;
  const page = device.usagePage === undefined ? 'unknown' : `0x${device.usagePage.toString(16)}`;
  return (
    `The ${describeScanner(device)} is not in HID POS mode (its interface has usage page ${page}, HID POS is 0x8c). ` +
    `To read it here, ${profile.enableHidPos}; or choose the keyboard-wedge scanner mode.`
  );
}

export function readyMessage(device: HidDeviceInfo): string {
  const profile = findScannerProfile(device.vendorId);
  if (profile) return `${describeScanner(device)} ready (HID POS, ${profile.name} profile).`;
  return `${describeScanner(device)} ready: unknown vendor on usage page 0x8c, read with the generic HID POS profile.`;
}
