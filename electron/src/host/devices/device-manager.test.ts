import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HostEvents } from '@pos/core';
import { createSimulatedCardTerminal } from '@pos/hardware/fake';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../config/host-config';
import { HostEventBus } from '../host-events';
import { capturingPrinter } from '../test-support/host-harness';
import { DeviceManager } from './device-manager';
import type { DeviceFactories, ScannedCode, ScannerPort } from './device-ports';
import { SwitchableTerminal } from './switchable-terminal';

afterEach(() => {
  vi.useRealTimers();
});

/** A scanner driver the test reads codes into, as the HID POS and serial drivers emit them. */
function scriptedScanner() {
  const listeners = new Set<(scan: ScannedCode) => void>();
  const port: ScannerPort = {
    mode: 'serial',
    label: 'scripted scanner',
    open: async () => undefined,
    close: async () => undefined,
    status: () => ({ state: 'ready' }),
    on: () => () => undefined,
    onScan: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { port, read: (code: string) => listeners.forEach((l) => l({ code })) };
}

function manager(
  scanner: ScannerPort | null | (() => ScannerPort),
  drawerWarnS = 30,
  dataDir = '/tmp/unused',
  printer = capturingPrinter(),
) {
  const events = new HostEventBus();
  const config = {
    ...defaultConfig('/tmp/unused'),
    drawer: { pin: 2 as const, pulseMs: 100, warnAfterS: drawerWarnS },
    scanner: { ...defaultConfig('/tmp/unused').scanner, duplicateWindowMs: 500 },
  };
  const factories: DeviceFactories = {
    scanner: () => (typeof scanner === 'function' ? scanner() : scanner),
    scale: () => null,
    poleDisplay: () => null,
    terminal: () => createSimulatedCardTerminal(),
    listSerialPorts: async () => [],
    listHidDevices: async () => [],
  };
  const devices = new DeviceManager(config, {
    dataDir,
    env: {},
    events,
    factories,
    printer,
    terminal: new SwitchableTerminal(createSimulatedCardTerminal()),
    storeName: () => 'Shop',
  });
  return { devices, events };
}

describe('the device manager', () => {
  it('passes each scan on once: the same label again within the window is one item', async () => {
    vi.useFakeTimers();
    const scanner = scriptedScanner();
    const { devices, events } = manager(scanner.port);
    await devices.start();
    const scans: HostEvents['scanner.scan'][] = [];
    events.on('scanner.scan', (s) => scans.push(s));
    scanner.read('3017620422003');
    vi.advanceTimersByTime(200);
    scanner.read('3017620422003');
    vi.advanceTimersByTime(600);
    scanner.read('3017620422003');
    expect(scans).toEqual([
      { code: '3017620422003', source: 'serial' },
      { code: '3017620422003', source: 'serial' },
    ]);
    await devices.close();
  });

  it('drops a replaced scanner with its subscriptions: only the new one sells', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pos-devices-'));
    try {
      const made = [scriptedScanner(), scriptedScanner()];
      let next = 0;
      const { devices, events } = manager(() => made[next++]!.port, 30, dataDir);
      await devices.start();
      const scans: string[] = [];
      events.on('scanner.scan', (s) => scans.push(s.code));
      await devices.configure({ scanner: { mode: 'serial', path: '/dev/ttyACM0', duplicateWindowMs: 100 } });
      made[0]!.read('111');
      made[1]!.read('222');
      expect(scans).toEqual(['222']);
      await devices.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('warns every screen when the drawer stays open longer than the setting, not when it is closed in time', async () => {
    vi.useFakeTimers();
    const { devices, events } = manager(null, 5);
    const notices: HostEvents['host.notice'][] = [];
    events.on('host.notice', (n) => notices.push(n));
    const printerStatus = (conditions: HostEvents['printer.status']['conditions']) =>
      events.emit('printer.status', { state: 'ready', target: 't', checkedAt: '', conditions });
    printerStatus(['drawer-open']);
    vi.advanceTimersByTime(4000);
    printerStatus([]);
    vi.advanceTimersByTime(10_000);
    expect(notices).toEqual([]);
    printerStatus(['drawer-open']);
    vi.advanceTimersByTime(5001);
    // Tied to the drawer being open: every screen drops it by itself once the printer says the drawer is shut.
    expect(notices).toEqual([
      {
        level: 'warning',
        code: 'drawer-left-open',
        values: { seconds: 5 },
        message: expect.stringMatching(/drawer has been open for more than 5 s/),
        while: 'drawer-open',
      },
    ]);
    await devices.close();
  });

  it('shows the drawer as its printer is: not ready while the printer is offline', async () => {
    const offline = {
      ...capturingPrinter(),
      status: () => ({ state: 'offline' as const, target: 'tcp://192.0.2.10:9100', checkedAt: '' }),
    };
    const { devices } = manager(null, 30, '/tmp/unused', offline);
    const drawer = devices.statuses().find((s) => s.role === 'drawer');
    expect(drawer?.state).toBe('disconnected');
    await devices.close();
  });

  it('refuses an invalid printer address with a code the Devices screen translates, and keeps the printer it had', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pos-devices-'));
    try {
      const { devices } = manager(null, 30, dataDir);
      const refused = await devices.configure({ printer: { target: 'tcp://300.1.2.3:99999' } }).catch((error: unknown) => error);
      expect(refused).toMatchObject({
        code: 'INVALID_REQUEST',
        details: { reason: 'device-settings', printerTarget: { code: 'bad-ip', part: '300.1.2.3' } },
      });
      expect(devices.settings.printer.target).toBe(defaultConfig('/tmp/unused').printer.target);
      await devices.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
