import type { DeviceListError, DeviceTestOutcome, DeviceValues } from '../devices/device-messages';
import type { DeviceSettings, DeviceSettingsPatch, PrinterSettings } from '../devices/device-settings';
import type { Method } from './contract-method';
import type { CardResult } from './payment-contract';

/**
 * The host methods of the till's devices: printer, drawer, scanners, scale, customer displays,
 * their settings and tests, with the statuses the host reports as events.
 */

export type PrinterState = 'ready' | 'offline' | 'error' | 'none';

/** What a printer's status bytes (DLE EOT, automatic status back) report, shown to the cashier. */
export type PrinterCondition = 'paper-near-end' | 'paper-end' | 'cover-open' | 'offline' | 'drawer-open' | 'error';

export type PrinterStatus = {
  readonly state: PrinterState;
  /** Conditions the printer reported; absent when it reports none or cannot be asked. */
  readonly conditions?: readonly PrinterCondition[];
  readonly target: string;
  readonly message?: string;
  readonly checkedAt: string;
};

/** "sent" is all a plain TCP/file printer can tell: bytes written, not proof of paper. */
export type PrintOutcome =
  | { readonly status: 'sent' | 'printed'; readonly bytes: number }
  | { readonly status: 'failed'; readonly reason: 'unreachable' | 'timeout' | 'io' | 'no-printer'; readonly message: string };

/**
 * A cash sale's drawer kick (drawer.openForSale), sent once per sale whether or not a receipt
 * prints. `failed`: the kick may not have reached the drawer, the cashier opens it with the key.
 */
export type SaleDrawerResult =
  { readonly status: 'opened' | 'not-due' | 'already-opened' } | Extract<PrintOutcome, { readonly status: 'failed' }>;

export type DeviceRole = 'printer' | 'drawer' | 'scanner' | 'scale' | 'terminal' | 'pole-display' | 'customer-display';

/** One device's live status, in words a manager can act on. `off`: not configured. */
export const DEVICE_LABEL_CODES = [
  'keyboard-wedge',
  'no-scale',
  'no-pole-display',
  'drawer-on-printer',
  'customer-window',
  'off',
  'hid-scanner',
  'hid-scanner-at',
  'serial-scanner',
  'scale-at',
  'pole-display-at',
  'terminal-at',
  'simulated-terminal',
] as const;
export type DeviceLabelCode = (typeof DEVICE_LABEL_CODES)[number];
/** A device named by a label code and its values (a model, a port, an address), worded by the page. */
export type DeviceLabelWords = { readonly labelCode: DeviceLabelCode; readonly labelValues?: Readonly<Record<string, string | number>> };

export type DeviceStatusView = {
  readonly role: DeviceRole;
  readonly state: 'ready' | 'busy' | 'opening' | 'disconnected' | 'error' | 'off';
  /** What it is ("Honeywell HID POS scanner on /dev/hidraw2", "ZVT terminal 10.0.0.5:20007"). */
  readonly label: string;
  /**
   * When the host describes it in its own words (no device, the wedge, the drawer's pin): a code the
   * page words in its language, `label` staying as the English for support.
   */
  readonly labelCode?: DeviceLabelCode;
  readonly labelValues?: Readonly<Record<string, string | number>>;
  /** The problem and its fix, when there is one. */
  readonly message?: string;
};

export type SerialPortInfo = {
  readonly path: string;
  readonly manufacturer?: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly serialNumber?: string;
};

export type HidDeviceInfo = {
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly product?: string;
  /** The vendor profile's name, or "unknown". */
  readonly vendor: string;
  /** Speaks the HID Point of Sale usage page (0x8C): a scanner the till can read without keyboard emulation. */
  readonly hidPos: boolean;
};

export type DeviceInventory = {
  readonly serialPorts: readonly SerialPortInfo[];
  readonly hidDevices: readonly HidDeviceInfo[];
  readonly settings: DeviceSettings & { readonly printer: PrinterSettings };
  readonly printerProfiles: readonly { readonly id: string; readonly label: string }[];
  readonly statuses: readonly DeviceStatusView[];
  /** Why a list could not be read ("serial ports: udev is missing …"). */
  readonly listErrors: readonly DeviceListError[];
};

export type DeviceTest = 'print' | 'drawer' | 'scan' | 'scale' | 'payment' | 'pole-display';

export type DeviceTestResult = {
  readonly ok: boolean;
  /** What happened, said by the page in its language with `values`; `message` is the host's words, for support. */
  readonly outcome?: DeviceTestOutcome;
  readonly values?: DeviceValues;
  readonly message: string;
  readonly card?: CardResult;
  readonly grams?: number;
  readonly code?: string;
};

export type ScaleReading =
  | { readonly ok: true; readonly grams: number }
  | {
      readonly ok: false;
      readonly reason: 'unstable' | 'zero' | 'negative' | 'over-capacity' | 'no-scale' | 'error';
      readonly message: string;
    };

/** A code read by a scanner the host drives (HID POS or serial); wedge scans stay in the renderer. */
export type ScanEvent = { readonly code: string; readonly source: 'hid-pos' | 'serial'; readonly aim?: string };

/** What the customer sees, on the second window and the pole display. */
export type CustomerDisplayState = {
  readonly phase: 'idle' | 'sale' | 'paid';
  readonly currency: string;
  /** The last lines added (newest last). */
  readonly lines: readonly { readonly name: string; readonly quantity: number; readonly amount: number }[];
  readonly total: number;
  readonly change?: number;
  /** Idle: where a customer signs up for the loyalty programme (shown as a QR code). */
  readonly loyaltyUrl?: string;
  /** Paid: the link to this sale's digital receipt (shown as a QR code the customer scans). */
  readonly receiptUrl?: string;
  /** Paid, a sale without a member: the loyalty sign-up that gives this sale's points (core's joinLinkFor). */
  readonly joinUrl?: string;
  /**
   * The member the sale is for, greeted by first name only (the screen faces the queue: never a
   * last name, e-mail or phone), with their points when the till knows them.
   */
  readonly member?: CustomerDisplayMember;
};

export type CustomerDisplayMember = { readonly name: string; readonly points?: number };

export type DeviceContract = {
  /** A cash sale was sealed: its drawer opens now, once, whether or not a receipt is printed. */
  'drawer.openForSale': Method<{ readonly saleId: string }, SaleDrawerResult>;
  'printer.status': Method<void, PrinterStatus>;
  'devices.list': Method<void, DeviceInventory>;
  /** A manager (till.settings) changes the devices; they are reopened with the new settings. */
  'devices.configure': Method<DeviceSettingsPatch, DeviceInventory>;
  'devices.test': Method<{ readonly test: DeviceTest }, DeviceTestResult>;
  /** "No sale": opens the drawer (drawer.open permission) and seals a journal event. */
  'drawer.open': Method<{ readonly reason: string; readonly managerPin?: string }, { readonly opened: boolean; readonly message: string }>;
  'scale.read': Method<void, ScaleReading>;
  /** The renderer's sale as the customer should see it: to the customer window and the pole display. */
  'display.show': Method<CustomerDisplayState, null>;
};
