import { DEFAULT_WEDGE_GS_FORMS, WEDGE_GS_FORMS, type WedgeGsForm } from '../barcode/wedge-group-separator';

/**
 * The devices of this till, as the manager sets them on the Devices screen (or in config.json).
 * Each section is checked on its own so an error names the setting to fix.
 */

export const TERMINAL_KINDS = ['simulated', 'caisse-ap', 'zvt', 'concert'] as const;
export type TerminalKind = (typeof TERMINAL_KINDS)[number];

export type TerminalSettings = {
  readonly kind: TerminalKind;
  /** simulated: what happens to amounts without a magic ending. */
  readonly behaviour: 'approve' | 'decline' | 'timeout';
  /** simulated: how long the simulated customer takes at the terminal. */
  readonly processingMs: number;
  /** How long the till waits for the terminal's answer before the outcome is "unknown". */
  readonly timeoutMs: number;
  /** caisse-ap / zvt: "host:port"; concert: the serial path. */
  readonly address: string | null;
  /** Offline (store-and-forward) card payments the store accepts, in cents. */
  readonly offlineCaps: { readonly maxPerPayment: number; readonly maxTotal: number };
};

export const SCANNER_MODES = ['keyboard-wedge', 'hid-pos', 'serial'] as const;
export type ScannerModeSetting = (typeof SCANNER_MODES)[number];
export const SCANNER_SUFFIXES = ['CR', 'LF', 'CRLF'] as const;

export type ScannerSettings = {
  readonly mode: ScannerModeSetting;
  /** hid-pos: the hidraw path (null: the first HID POS scanner found); serial: the port path. */
  readonly path: string | null;
  readonly baudRate: number;
  readonly suffix: (typeof SCANNER_SUFFIXES)[number];
  /** The same code again within this window is taken for a double read, not a second item. */
  readonly duplicateWindowMs: number;
  /** keyboard-wedge: how the scanner types the GS1 separator (FNC1), which a keyboard has no key for. */
  readonly gsForms: readonly WedgeGsForm[];
};

export type DrawerSettings = {
  /** The printer's drawer connector pin the drawer is wired to. */
  readonly pin: 2 | 5;
  readonly pulseMs: number;
  /** The till warns when the drawer stays open longer (where the printer reports it). */
  readonly warnAfterS: number;
};

export type SerialDeviceSettings = { readonly path: string | null; readonly baudRate: number };

export type CustomerDisplaySettings = {
  /** A second window for the customer. */
  readonly window: boolean;
  /** Which screen (0 = the first); null: the first screen other than the till's. */
  readonly screen: number | null;
};

export type DeviceSettings = {
  readonly terminal: TerminalSettings;
  readonly scanner: ScannerSettings;
  readonly drawer: DrawerSettings;
  readonly scale: SerialDeviceSettings;
  readonly poleDisplay: SerialDeviceSettings;
  readonly customerDisplay: CustomerDisplaySettings;
};

/** The printer as set on the Devices screen: its address ("tcp://…", "serial:…", "file:…") and profile. */
export type PrinterSettings = { readonly target: string; readonly profile: string };

export const DEVICE_SETTINGS_SECTIONS = ['terminal', 'scanner', 'drawer', 'scale', 'poleDisplay', 'customerDisplay', 'printer'] as const;

/** A change from the Devices screen: any sections, any of their settings. */
export type DeviceSettingsPatch = { readonly [K in Exclude<keyof DeviceSettings, 'terminal'>]?: Partial<DeviceSettings[K]> } & {
  readonly terminal?: Partial<Omit<TerminalSettings, 'offlineCaps'>> & { readonly offlineCaps?: Partial<TerminalSettings['offlineCaps']> };
  readonly printer?: Partial<PrinterSettings>;
};

export function defaultDeviceSettings(): DeviceSettings {
  return {
    terminal: {
      kind: 'simulated',
      behaviour: 'approve',
      processingMs: 1500,
      timeoutMs: 5000,
      address: null,
      offlineCaps: { maxPerPayment: 10_000, maxTotal: 50_000 },
    },
    scanner: { mode: 'keyboard-wedge', path: null, baudRate: 9600, suffix: 'CR', duplicateWindowMs: 500, gsForms: DEFAULT_WEDGE_GS_FORMS },
    drawer: { pin: 2, pulseMs: 100, warnAfterS: 30 },
    scale: { path: null, baudRate: 9600 },
    poleDisplay: { path: null, baudRate: 9600 },
    customerDisplay: { window: false, screen: null },
  };
}

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200] as const;

/** Problems with the settings, each naming its setting; empty when they are fine. */
export function deviceSettingsProblems(s: DeviceSettings): string[] {
  const problems: string[] = [];
  const fail = (setting: string, expected: string) => problems.push(`${setting} must be ${expected}`);
  const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isPath = (v: unknown) => v === null || (typeof v === 'string' && v.length > 0 && v.length < 256 && !/[\u0000-\u001f]/.test(v));
  const isBaud = (v: unknown) => (BAUD_RATES as readonly unknown[]).includes(v);

  if (!isObject(s.terminal)) fail('terminal', 'an object');
  else {
    const t = s.terminal;
    if (!(TERMINAL_KINDS as readonly unknown[]).includes(t.kind)) fail('terminal.kind', TERMINAL_KINDS.map((k) => `"${k}"`).join(', '));
    if (!['approve', 'decline', 'timeout'].includes(t.behaviour)) fail('terminal.behaviour', '"approve", "decline" or "timeout"');
    if (!isInt(t.processingMs, 0)) fail('terminal.processingMs', 'a whole number of milliseconds');
    if (!isInt(t.timeoutMs, 1)) fail('terminal.timeoutMs', 'a whole number of milliseconds ≥ 1');
    if (!isPath(t.address)) fail('terminal.address', 'a "host:port", a serial port path, or null');
    else if ((t.kind === 'caisse-ap' || t.kind === 'zvt') && (t.address === null || !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(t.address))) {
      fail('terminal.address', `"host:port" for a ${t.kind} terminal (e.g. 192.168.1.50:${t.kind === 'zvt' ? 20007 : 8888})`);
    } else if (t.kind === 'concert' && t.address === null)
      fail('terminal.address', 'the serial port of the Concert terminal (e.g. /dev/ttyUSB0)');
    if (!isObject(t.offlineCaps) || !isInt(t.offlineCaps.maxPerPayment, 0) || !isInt(t.offlineCaps.maxTotal, 0)) {
      fail('terminal.offlineCaps', 'an object of whole cents { maxPerPayment, maxTotal }');
    }
  }
  if (!isObject(s.scanner)) fail('scanner', 'an object');
  else {
    if (!(SCANNER_MODES as readonly unknown[]).includes(s.scanner.mode))
      fail('scanner.mode', SCANNER_MODES.map((k) => `"${k}"`).join(', '));
    if (!isPath(s.scanner.path)) fail('scanner.path', 'a device path or null');
    if (s.scanner.mode === 'serial' && s.scanner.path === null) fail('scanner.path', 'the serial port of the scanner (e.g. /dev/ttyACM0)');
    if (!isBaud(s.scanner.baudRate)) fail('scanner.baudRate', `one of ${BAUD_RATES.join(', ')}`);
    if (!(SCANNER_SUFFIXES as readonly unknown[]).includes(s.scanner.suffix)) fail('scanner.suffix', '"CR", "LF" or "CRLF"');
    if (!isInt(s.scanner.duplicateWindowMs, 0, 10_000)) fail('scanner.duplicateWindowMs', 'a whole number of milliseconds from 0 to 10000');
    if (!Array.isArray(s.scanner.gsForms) || !s.scanner.gsForms.every((f) => (WEDGE_GS_FORMS as readonly unknown[]).includes(f)))
      fail('scanner.gsForms', `a list of ${WEDGE_GS_FORMS.map((f) => `"${f}"`).join(', ')}`);
  }
  if (!isObject(s.drawer)) fail('drawer', 'an object');
  else {
    if (s.drawer.pin !== 2 && s.drawer.pin !== 5) fail('drawer.pin', '2 or 5');
    if (!isInt(s.drawer.pulseMs, 2, 510)) fail('drawer.pulseMs', 'a whole number of milliseconds from 2 to 510');
    if (!isInt(s.drawer.warnAfterS, 0, 3600)) fail('drawer.warnAfterS', 'a whole number of seconds from 0 to 3600');
  }
  for (const name of ['scale', 'poleDisplay'] as const) {
    const d = s[name];
    if (!isObject(d)) fail(name, 'an object');
    else {
      if (!isPath(d.path)) fail(`${name}.path`, 'a serial port path or null');
      if (!isBaud(d.baudRate)) fail(`${name}.baudRate`, `one of ${BAUD_RATES.join(', ')}`);
    }
  }
  if (!isObject(s.customerDisplay)) fail('customerDisplay', 'an object');
  else {
    if (typeof s.customerDisplay.window !== 'boolean') fail('customerDisplay.window', 'true or false');
    if (s.customerDisplay.screen !== null && !isInt(s.customerDisplay.screen, 0, 16))
      fail('customerDisplay.screen', 'a screen number from 0 to 16, or null');
  }
  return problems;
}
