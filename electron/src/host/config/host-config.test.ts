import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../test-support/host-harness';
import { applyEnv, ConfigError, defaultConfig, loadHostConfig, saveDeviceSettings } from './host-config';

const dirs = tempDirs('pos-config-');
afterEach(async () => {
  await dirs.cleanup();
});

const configFile = (dir: string) => path.join(dir, 'config.json');

describe('loadHostConfig', () => {
  it('writes the defaults on first start, where a manager can find and edit them', async () => {
    const dir = await dirs.make();
    const config = await loadHostConfig(dir, {});
    expect(config).toEqual(defaultConfig(dir));
    expect(JSON.parse(await readFile(configFile(dir), 'utf8'))).toEqual(defaultConfig(dir));
    expect(config.printer.target).toBe(`file:${path.join(dir, 'printer-output.bin')}`);
  });

  it('creates a data directory that does not exist yet', async () => {
    const dir = path.join(await dirs.make(), 'nested', 'till');
    expect((await loadHostConfig(dir, {})).storeId).toBe('S001');
  });

  it('reads an edited file and fills what it leaves out with the defaults', async () => {
    const dir = await dirs.make();
    await writeFile(
      configFile(dir),
      JSON.stringify({ tillId: 'T07', printer: { target: 'tcp://10.0.0.9:9100' }, terminal: { processingMs: 10 } }),
    );
    const config = await loadHostConfig(dir, {});
    expect(config.tillId).toBe('T07');
    expect(config.storeId).toBe('S001');
    expect(config.printer).toEqual({ target: 'tcp://10.0.0.9:9100', profile: 'esc-pos-80' });
    expect(config.terminal).toMatchObject({
      kind: 'simulated',
      behaviour: 'approve',
      processingMs: 10,
      timeoutMs: 5000,
      offlineCaps: { maxPerPayment: 10_000 },
    });
    expect(config.scanner.mode).toBe('keyboard-wedge');
  });

  it('saves the Devices screen settings into the file, keeping what the manager wrote by hand', async () => {
    const dir = await dirs.make();
    await writeFile(configFile(dir), JSON.stringify({ tillId: 'T07', printer: { target: 'tcp://10.0.0.9:9100' } }));
    const saved = await saveDeviceSettings(
      dir,
      {
        scanner: { mode: 'serial', path: '/dev/ttyACM0' },
        terminal: { kind: 'zvt', address: '10.0.0.5:20007', offlineCaps: { maxTotal: 20_000 } },
      },
      {},
    );
    expect(saved.scanner).toMatchObject({ mode: 'serial', path: '/dev/ttyACM0', suffix: 'CR' });
    expect(saved.terminal.offlineCaps).toEqual({ maxPerPayment: 10_000, maxTotal: 20_000 });
    const reread = await loadHostConfig(dir, {});
    expect(reread).toEqual(saved);
    expect(reread.tillId).toBe('T07');
    expect(reread.printer.target).toBe('tcp://10.0.0.9:9100');
  });

  it('refuses device settings that cannot work, naming the setting, and leaves the file as it was', async () => {
    const dir = await dirs.make();
    await loadHostConfig(dir, {});
    const before = await readFile(configFile(dir), 'utf8');
    await expect(saveDeviceSettings(dir, { terminal: { kind: 'caisse-ap', address: null } }, {})).rejects.toThrow(
      /terminal.address must be "host:port"/,
    );
    await expect(saveDeviceSettings(dir, { scanner: { mode: 'serial', path: null } }, {})).rejects.toThrow(/scanner.path/);
    await expect(saveDeviceSettings(dir, { drawer: { pin: 3 as 2 } }, {})).rejects.toThrow(/drawer.pin must be 2 or 5/);
    await expect(saveDeviceSettings(dir, { scanner: { gsForms: ['ctrl-bracket', 'space' as 'f8'] } }, {})).rejects.toThrow(
      /scanner.gsForms/,
    );
    expect(await readFile(configFile(dir), 'utf8')).toBe(before);
  });

  it.each([
    ['tcp://300.1.2.3:99999', 'bad-ip', '300.1.2.3'],
    ['tcp://10.0.0.9:99999', 'bad-port', '99999'],
    ['abc', 'bare-word', 'abc'],
    ['tcp://:9100', 'no-host', undefined],
    ['', 'empty', undefined],
  ])('refuses the printer address %j with its code (%s), and leaves the file as it was', async (target, code, part) => {
    const dir = await dirs.make();
    await loadHostConfig(dir, {});
    const before = await readFile(configFile(dir), 'utf8');
    const refused = await saveDeviceSettings(dir, { printer: { target } }, {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).printerTarget).toEqual({ code, text: target, ...(part ? { part } : {}) });
    expect(await readFile(configFile(dir), 'utf8')).toBe(before);
  });

  it('does not rewrite an existing file', async () => {
    const dir = await dirs.make();
    const text = `${JSON.stringify({ tillId: 'T02' })}\n`;
    await writeFile(configFile(dir), text);
    await loadHostConfig(dir, { POS_LOCALE: 'en' });
    expect(await readFile(configFile(dir), 'utf8')).toBe(text);
  });

  it('lets the environment override the file', async () => {
    const dir = await dirs.make();
    await writeFile(configFile(dir), JSON.stringify({ locale: 'fr', browserPort: 6000 }));
    const config = await loadHostConfig(dir, {
      POS_PRINTER: 'tcp://127.0.0.1:9100',
      POS_PRINTER_PROFILE: 'esc-pos-58',
      POS_LOCALE: 'en',
      POS_TERMINAL: 'timeout',
      POS_TERMINAL_DELAY_MS: '0',
      POS_TERMINAL_TIMEOUT_MS: '250',
      POS_DEMO_PRODUCTS: '300000',
      POS_PORT: '0',
    });
    expect(config).toMatchObject({
      locale: 'en',
      printer: { target: 'tcp://127.0.0.1:9100', profile: 'esc-pos-58' },
      terminal: { behaviour: 'timeout', processingMs: 0, timeoutMs: 250 },
      demoCatalogSize: 300_000,
      browserPort: 0,
    });
  });

  it('ignores empty environment values', async () => {
    const dir = await dirs.make();
    expect(await loadHostConfig(dir, { POS_PORT: '', POS_LOCALE: '', POS_PRINTER: '' })).toEqual(defaultConfig(dir));
  });

  it('refuses a file that is not JSON with a ConfigError naming the file', async () => {
    const dir = await dirs.make();
    await writeFile(configFile(dir), '{ "tillId": "T01", ');
    const error = await loadHostConfig(dir, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(configFile(dir));
    expect((error as Error).message).toMatch(/not valid JSON/);
  });

  /** Each case → what loading it gave: the ConfigError message, or what else happened. */
  async function outcomes(cases: Record<string, string>): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [what, text] of Object.entries(cases)) {
      const dir = await dirs.make();
      await writeFile(configFile(dir), text);
      out[what] = await loadHostConfig(dir, {}).then(
        (config) => `loaded: ${JSON.stringify(config).slice(0, 60)}`,
        (error: unknown) =>
          error instanceof ConfigError ? `ConfigError: ${error.message}` : `${(error as Error).name}: ${(error as Error).message}`,
      );
    }
    return out;
  }

  it('refuses a file that is valid JSON but not an object of settings with a ConfigError', async () => {
    const cases = { null: 'null', array: '[]', string: '"a string"', number: '42' };
    expect(await outcomes(cases)).toEqual(
      Object.fromEntries(Object.keys(cases).map((k) => [k, expect.stringMatching(/^ConfigError: .*config\.json/)])),
    );
  });

  it('refuses settings of the wrong kind with a ConfigError naming the setting', async () => {
    // Without this, `terminal.behaviour: "sometimes"` starts a terminal whose pay() resolves undefined.
    const cases = {
      behaviour: JSON.stringify({ terminal: { behaviour: 'sometimes' } }),
      browserPort: JSON.stringify({ browserPort: '5180' }),
      locale: JSON.stringify({ locale: 'de' }),
      demoCatalogSize: JSON.stringify({ demoCatalogSize: -1 }),
      storeId: JSON.stringify({ storeId: 42 }),
      printer: JSON.stringify({ printer: 'tcp://10.0.0.9' }),
    };
    expect(await outcomes(cases)).toEqual(
      Object.fromEntries(Object.keys(cases).map((k) => [k, expect.stringMatching(new RegExp(`^ConfigError: .*${k}`))])),
    );
  });
});

describe('applyEnv', () => {
  const base = defaultConfig('/data');

  it.each([
    ['POS_LOCALE', 'de', /POS_LOCALE must be fr or en, got "de"/],
    ['POS_TERMINAL', 'maybe', /POS_TERMINAL must be approve, decline or timeout, got "maybe"/],
    ['POS_TERMINAL_DELAY_MS', 'soon', /POS_TERMINAL_DELAY_MS must be a whole number ≥ 0, got "soon"/],
    ['POS_TERMINAL_DELAY_MS', '-5', /POS_TERMINAL_DELAY_MS/],
    ['POS_TERMINAL_DELAY_MS', '1.5', /POS_TERMINAL_DELAY_MS/],
    ['POS_TERMINAL_TIMEOUT_MS', '0', /POS_TERMINAL_TIMEOUT_MS must be a whole number ≥ 1/],
    ['POS_DEMO_PRODUCTS', '0', /POS_DEMO_PRODUCTS/],
    ['POS_DEMO_PRODUCTS', '1e400', /POS_DEMO_PRODUCTS/],
    ['POS_PORT', 'http', /POS_PORT must be a whole number/],
    ['POS_PORT', '-1', /POS_PORT/],
  ])('refuses %s=%s with a clear ConfigError', (name, value, message) => {
    expect(() => applyEnv(base, { [name]: value })).toThrow(ConfigError);
    expect(() => applyEnv(base, { [name]: value })).toThrow(message);
  });

  it('refuses a port no socket can have', () => {
    expect(() => applyEnv(base, { POS_PORT: '70000' })).toThrow(ConfigError);
  });

  it('changes nothing without variables', () => {
    expect(applyEnv(base, {})).toEqual(base);
  });

  it('is what loadHostConfig applies, so a bad variable stops the start', async () => {
    const dir = await dirs.make();
    await expect(loadHostConfig(dir, { POS_TERMINAL: 'never' })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('the terminal from the environment (npm start -- --demo-terminal)', () => {
  const base = defaultConfig('/tmp/till');
  it('sets the protocol and its address, checked', () => {
    expect(applyEnv(base, { POS_TERMINAL_KIND: 'zvt', POS_TERMINAL_ADDRESS: '127.0.0.1:20007' }).terminal).toMatchObject({
      kind: 'zvt',
      address: '127.0.0.1:20007',
    });
    expect(() => applyEnv(base, { POS_TERMINAL_KIND: 'zvt' })).toThrow(/POS_TERMINAL_ADDRESS: terminal.address must be "host:port"/);
    expect(() => applyEnv(base, { POS_TERMINAL_KIND: 'visa' })).toThrow(ConfigError);
  });
});
