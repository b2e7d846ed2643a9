import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  defaultDeviceSettings,
  deviceSettingsProblems,
  parsePrinterTarget,
  TERMINAL_KINDS,
  type PrinterTargetProblem,
  type DeviceSettings,
  type DeviceSettingsPatch,
  type TerminalKind,
} from '@pos/core';
import { printerTargetProblemText } from '@pos/hardware/node';

/**
 * The till host's own settings (this machine's devices and identity), in <dataDir>/config.json.
 * Store data (name, VAT rates, layouts) is not here: it comes with the store profile.
 */
export type HostConfig = DeviceSettings & {
  readonly storeId: string;
  readonly tillId: string;
  readonly locale: 'fr' | 'en';
  readonly printer: { readonly target: string; readonly profile: string };
  /** Size of the generated demo catalog served until a hub is configured. */
  readonly demoCatalogSize: number;
  /** Browser mode: the port the till host listens on, on 127.0.0.1 only. 0 picks a free port. */
  readonly browserPort: number;
  /** A certificate authority (PEM file) to trust for the hub's HTTPS, when the chain runs its own CA. */
  readonly hubCaFile: string | null;
  /** The chain's hub address, offered in the enrollment form (`npm start -- --hub URL`, POS_HUB_URL). */
  readonly hubUrl: string | null;
};

export function defaultConfig(dataDir: string): HostConfig {
  return {
    storeId: 'S001',
    tillId: 'T01',
    locale: 'fr',
    printer: { target: `file:${path.join(dataDir, 'printer-output.bin')}`, profile: 'esc-pos-80' },
    ...defaultDeviceSettings(),
    demoCatalogSize: 2000,
    browserPort: 5180,
    hubCaFile: null,
    hubUrl: null,
  };
}

export class ConfigError extends Error {
  constructor(
    message: string,
    /** A refused printer address, as a code the Devices screen translates. */
    readonly printerTarget?: PrinterTargetProblem,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

function positiveInt(name: string, text: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number ≥ ${min}${max < Number.MAX_SAFE_INTEGER ? ` and ≤ ${max}` : ''}, got "${text}"`);
  }
  return value;
}

const MAX_PORT = 65_535;

/** Every setting checked once merged, so a typo stops the start with its name, not a crash later. */
function validateConfig(config: HostConfig, file: string): HostConfig {
  const fail = (setting: string, expected: string): never => {
    throw new ConfigError(`${file}: ${setting} must be ${expected}`);
  };
  const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
  const isId = (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(v);
  if (!isId(config.storeId)) fail('storeId', 'letters, digits, - or _ (at most 32)');
  if (!isId(config.tillId)) fail('tillId', 'letters, digits, - or _ (at most 32)');
  if (config.locale !== 'fr' && config.locale !== 'en') fail('locale', '"fr" or "en"');
  if (
    typeof config.printer !== 'object' ||
    config.printer === null ||
    typeof config.printer.target !== 'string' ||
    typeof config.printer.profile !== 'string'
  ) {
    fail('printer', 'an object with "target" and "profile" texts');
  }
  const [problem] = deviceSettingsProblems(config);
  if (problem) throw new ConfigError(`${file}: ${problem}`);
  if (!isInt(config.demoCatalogSize, 1)) fail('demoCatalogSize', 'a whole number ≥ 1');
  if (!isInt(config.browserPort, 0, MAX_PORT)) fail('browserPort', `a port number from 0 to ${MAX_PORT}`);
  if (config.hubUrl !== null && (typeof config.hubUrl !== 'string' || !URL.canParse(config.hubUrl)))
    fail('hubUrl', 'a web address (https://…), or null');
  if (config.hubCaFile !== null && (typeof config.hubCaFile !== 'string' || config.hubCaFile === ''))
    fail('hubCaFile', 'the path of a PEM file, or null');
  return config;
}

/** Environment overrides, for a demo or a test that wants another printer or port without editing the file. */
export function applyEnv(config: HostConfig, env: NodeJS.ProcessEnv): HostConfig {
  let next = config;
  if (env.POS_PRINTER) next = { ...next, printer: { ...next.printer, target: env.POS_PRINTER } };
  if (env.POS_PRINTER_PROFILE) next = { ...next, printer: { ...next.printer, profile: env.POS_PRINTER_PROFILE } };
  if (env.POS_LOCALE) {
    if (env.POS_LOCALE !== 'fr' && env.POS_LOCALE !== 'en') throw new ConfigError(`POS_LOCALE must be fr or en, got "${env.POS_LOCALE}"`);
    next = { ...next, locale: env.POS_LOCALE };
  }
  if (env.POS_TERMINAL) {
    const behaviour = env.POS_TERMINAL;
    if (behaviour !== 'approve' && behaviour !== 'decline' && behaviour !== 'timeout') {
      throw new ConfigError(`POS_TERMINAL must be approve, decline or timeout, got "${behaviour}"`);
    }
    next = { ...next, terminal: { ...next.terminal, behaviour } };
  }
  if (env.POS_TERMINAL_KIND) {
    const kind = env.POS_TERMINAL_KIND;
    if (!(TERMINAL_KINDS as readonly string[]).includes(kind))
      throw new ConfigError(`POS_TERMINAL_KIND must be ${TERMINAL_KINDS.join(', ')}, got "${kind}"`);
    next = {
      ...next,
      terminal: { ...next.terminal, kind: kind as TerminalKind, address: env.POS_TERMINAL_ADDRESS || next.terminal.address },
    };
    const [problem] = deviceSettingsProblems(next);
    if (problem) throw new ConfigError(`POS_TERMINAL_KIND / POS_TERMINAL_ADDRESS: ${problem}`);
  }
  if (env.POS_TERMINAL_DELAY_MS)
    next = { ...next, terminal: { ...next.terminal, processingMs: positiveInt('POS_TERMINAL_DELAY_MS', env.POS_TERMINAL_DELAY_MS) } };
  if (env.POS_TERMINAL_TIMEOUT_MS)
    next = { ...next, terminal: { ...next.terminal, timeoutMs: positiveInt('POS_TERMINAL_TIMEOUT_MS', env.POS_TERMINAL_TIMEOUT_MS, 1) } };
  if (env.POS_DEMO_PRODUCTS) next = { ...next, demoCatalogSize: positiveInt('POS_DEMO_PRODUCTS', env.POS_DEMO_PRODUCTS, 1) };
  if (env.POS_HUB_CA) next = { ...next, hubCaFile: env.POS_HUB_CA };
  if (env.POS_HUB_URL) next = { ...next, hubUrl: env.POS_HUB_URL };
  if (env.POS_PORT) next = { ...next, browserPort: positiveInt('POS_PORT', env.POS_PORT, 0, MAX_PORT) };
  return next;
}

/** Reads config.json, writing the defaults on first start so a manager can find and edit them. */
export async function loadHostConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<HostConfig> {
  const { file, defaults, stored } = await readStoredConfig(dataDir);
  return applyEnv(validateConfig(mergeStored(defaults, stored), file), env);
}

/** config.json as written (the defaults written there first if it is missing), and the defaults. */
async function readStoredConfig(dataDir: string): Promise<{ file: string; defaults: HostConfig; stored: Partial<HostConfig> }> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'config.json');
  const defaults = defaultConfig(dataDir);
  let stored: Partial<HostConfig> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new ConfigError(`${file} must hold an object of settings`);
    stored = parsed as Partial<HostConfig>;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await writeFile(`${file}.tmp`, `${JSON.stringify(defaults, null, 2)}\n`);
      await rename(`${file}.tmp`, file);
      stored = defaults;
    } else if (error instanceof SyntaxError) {
      throw new ConfigError(`${file} is not valid JSON: ${error.message}`);
    } else throw error;
  }
  return { file, defaults, stored };
}

/** The file's settings over the defaults, section by section, so a file naming one setting keeps the others. */
function mergeStored(defaults: HostConfig, stored: Partial<HostConfig>): HostConfig {
  const nested = <T extends object>(value: unknown, fallback: T): T =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...fallback, ...value } : ((value as T) ?? fallback);
  const terminal = nested(stored.terminal, defaults.terminal);
  return {
    ...defaults,
    ...stored,
    printer: nested(stored.printer, defaults.printer),
    terminal: { ...terminal, offlineCaps: nested(terminal.offlineCaps, defaults.terminal.offlineCaps) },
    scanner: nested(stored.scanner, defaults.scanner),
    drawer: nested(stored.drawer, defaults.drawer),
    scale: nested(stored.scale, defaults.scale),
    poleDisplay: nested(stored.poleDisplay, defaults.poleDisplay),
    customerDisplay: nested(stored.customerDisplay, defaults.customerDisplay),
  };
}

/**
 * The Devices screen's changes, written into config.json (atomically, the rest of the file kept)
 * after the merged result is checked. Returns the new settings, environment overrides applied.
 */
export async function saveDeviceSettings(
  dataDir: string,
  patch: DeviceSettingsPatch,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HostConfig> {
  const { file, defaults, stored } = await readStoredConfig(dataDir);
  const current = validateConfig(mergeStored(defaults, stored), file);
  const sections = Object.keys(patch) as (keyof DeviceSettingsPatch)[];
  const next: Record<string, unknown> = { ...stored };
  for (const section of sections) {
    const value = { ...(current[section] as object), ...(patch[section] as object) };
    next[section] =
      section === 'terminal'
        ? { ...value, offlineCaps: { ...current.terminal.offlineCaps, ...(patch.terminal?.offlineCaps ?? {}) } }
        : value;
  }
  const checked = validateConfig(mergeStored(defaults, next as Partial<HostConfig>), file);
  // Checked when the Devices screen changes it, not at start: a till whose file names a printer it
  // cannot reach still starts, and says so on its Devices screen.
  if (patch.printer?.target !== undefined) {
    const target = parsePrinterTarget(checked.printer.target);
    if (!target.ok) throw new ConfigError(`printer.target: ${printerTargetProblemText(target.problem)}`, target.problem);
  }
  await writeFile(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return applyEnv(checked, env);
}
