/**
 * What the host says about the devices, as codes the page words in its own language
 * (`devices.outcome.*`, `devices.notice.*`, `devices.listError.*`). The drivers' English stays
 * in `message`, a detail for support, never the sentence a manager reads.
 */

/** The result of a test on the Devices screen. values: grams, seconds, code, status, reason. */
export const DEVICE_TEST_OUTCOMES = [
  'test-page-printed',
  'test-page-sent',
  'print-failed',
  'drawer-pulsed',
  'drawer-failed',
  'weighed',
  'scale-refused',
  'wedge-scanner',
  'no-scan',
  'scanned',
  'no-pole-display',
  'pole-display-shown',
  'pole-display-not-ready',
  'test-payment',
] as const;

export type DeviceTestOutcome = (typeof DEVICE_TEST_OUTCOMES)[number];

/** A notice the host raises by itself. values: seconds. */
/** `card-spend-refused`: the hub would not spend a sealed sale's gift card or store credit (money counted, not taken). */
export const HOST_NOTICE_CODES = ['drawer-left-open', 'card-spend-refused'] as const;

export type HostNoticeCode = (typeof HOST_NOTICE_CODES)[number];

/** A list of connectable devices the host could not read (the fix differs: udev, libusb). */
export const DEVICE_LIST_ERRORS = ['serial-ports', 'hid-devices'] as const;

export type DeviceListError = { readonly list: (typeof DEVICE_LIST_ERRORS)[number]; readonly message: string };

/** Values a device sentence may name. */
export type DeviceValues = Readonly<Record<string, string | number>>;
