import { HID_POS_USAGE_PAGE } from './hid-pos-report';

/**
 * Barcode scanner vendors as data: how to recognise them on USB, how to put them in HID POS mode,
 * and what each does differently. Every profile reads the HID POS interface by its usage page
 * (0x8C, "Bar Code Scanner"); the same scanner also shows keyboard or vendor interfaces, which are
 * not read here.
 */
export type ScannerProfile = {
  readonly id: 'honeywell' | 'zebra' | 'datalogic' | 'generic-hid-pos';
  readonly name: string;
  readonly vendorIds: readonly number[];
  /** What the manager does so the scanner talks HID POS, in plain words. */
  readonly enableHidPos: string;
  /** A feature report sent once after opening (report id first), best effort. */
  readonly openFeatureReport?: readonly number[];
  /** Output reports that start and stop a read (software trigger), report id first. */
  readonly trigger?: { readonly on: readonly number[]; readonly off: readonly number[] };
  readonly quirks: readonly string[];
};

/**
 * Honeywell's software trigger over HID POS: output report 0xFD carrying the serial trigger
 * commands SYN T CR (activate) and SYN U CR (deactivate) of the Honeywell user guides. The report
 * framing (0xFD, then 0x03, then the command) is from a working capture published in
 * github.com/HenkVanAsselt/python_hon_usbhid; Honeywell does not document it. Byte 1 is taken to be
 * the command's length. The read time-out ("open time", menu command TRGSTO) is not sent: its
 * framing over HID is not documented, set it with the scanner's programming barcodes.
 */
const HONEYWELL_TRIGGER = {
  on: [0xfd, 0x03, 0x16, 0x54, 0x0d],
  off: [0xfd, 0x03, 0x16, 0x55, 0x0d],
} as const;

export const HONEYWELL: ScannerProfile = {
  id: 'honeywell',
  name: 'Honeywell',
  vendorIds: [0x0c2e, 0x23d0],
  enableHidPos: 'scan the "USB HID POS" programming barcode of its user guide (menu code PAP131), then replug it',
  // Sent by the WebHID scanner library of @point-of-sale (NielsLeenheer/WebHidBarcodeScanner) to every
  // Honeywell scanner on open; undocumented by Honeywell, harmless when refused.
  openFeatureReport: [0xfe, 0x01],
  trigger: HONEYWELL_TRIGGER,
  quirks: [
    'Byte 61 of each report is the Honeywell Code ID; the AIM identifier in bytes 2–4 is what the till uses.',
    'Older Metrologic-era models use vendor id 0x0C2E, newer ones 0x23D0.',
  ],
};

export const ZEBRA: ScannerProfile = {
  id: 'zebra',
  name: 'Zebra (Symbol)',
  vendorIds: [0x05e0],
  enableHidPos:
    'set its USB host type to "HID POS" with the programming barcode of its product reference guide or with 123Scan, then replug it',
  quirks: [
    'In SNAPI or IBM modes the scanner shows vendor usage pages, not 0x8C: those modes are not read.',
    'No public byte layout: the generic HID POS layout is assumed.',
  ],
};

export const DATALOGIC: ScannerProfile = {
  id: 'datalogic',
  name: 'Datalogic',
  vendorIds: [0x05f9],
  enableHidPos: 'scan the "USB HID POS" interface selection barcode of its product reference guide, then replug it',
  quirks: [
    'Several Datalogic models show a USB-COM (serial) interface instead: use the serial scanner mode for those.',
    'No public byte layout: the generic HID POS layout is assumed.',
  ],
};

/** Any other vendor whose interface says usage page 0x8C. */
export const GENERIC_HID_POS: ScannerProfile = {
  id: 'generic-hid-pos',
  name: 'Generic HID POS',
  vendorIds: [],
  enableHidPos: 'put it in "USB HID POS" mode as its manual says, then replug it',
  quirks: ['Unknown vendor: read with the generic HID POS layout (report 0x02, AIM identifier, 56 data bytes per report).'],
};

export const SCANNER_PROFILES: readonly ScannerProfile[] = [HONEYWELL, ZEBRA, DATALOGIC];

export function findScannerProfile(vendorId: number): ScannerProfile | undefined {
  return SCANNER_PROFILES.find((profile) => profile.vendorIds.includes(vendorId));
}

export function isHidPosInterface(device: { readonly usagePage?: number }): boolean {
  return device.usagePage === HID_POS_USAGE_PAGE;
}

export function formatUsbId(vendorId: number, productId: number): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `${hex(vendorId)}:${hex(productId)}`;
}
