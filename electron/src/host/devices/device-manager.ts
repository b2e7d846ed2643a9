import { randomUUID } from 'node:crypto';
import {
  DuplicateScanFilter,
  PosError,
  type CustomerDisplayState,
  type DeviceInventory,
  type DeviceListError,
  type DeviceSettingsPatch,
  type DeviceStatusView,
  type DeviceTest,
  type DeviceTestResult,
  type ScaleReading,
} from '@pos/core';
import { PRINTER_PROFILES, type DeviceStatus } from '@pos/hardware/common';
import { ConfigError, saveDeviceSettings, type HostConfig } from '../config/host-config';
import type { HostEventBus } from '../host-events';
import type { ReceiptPrinter } from '../printer/receipt-printer';
import { poleDisplayLines } from './customer-display-lines';
import { drawerView, printerView } from './printer-device-views';
import { statusView, type DeviceFactories, type DevicePort, type PoleDisplayPort, type ScalePort, type ScannerPort } from './device-ports';
import type { SwitchableTerminal } from './switchable-terminal';

export type DeviceManagerOptions = {
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly events: HostEventBus;
  readonly factories: DeviceFactories;
  readonly printer: ReceiptPrinter;
  readonly terminal: SwitchableTerminal;
  /** The store's name, for the idle customer display. */
  readonly storeName: () => string;
  /** Wait for a scan in the "test scan" action. */
  readonly scanTestMs?: number;
};

type DeviceSection = 'scanner' | 'scale' | 'poleDisplay';

/** A device that failed to open is kept with its error: the Devices screen shows it and the fix. */
async function openQuietly(port: DevicePort): Promise<void> {
  await port.open().catch(() => undefined);
}

/**
 * Owns the till's drivers (scanner, scale, pole display, and the terminal behind the payment
 * journal), opens them from the settings, reopens them when the manager changes the settings,
 * relays their status and scans to every renderer, and runs the Devices screen's tests.
 */
export class DeviceManager {
  private readonly ports: { scanner: ScannerPort | null; scale: ScalePort | null; poleDisplay: PoleDisplayPort | null } = {
    scanner: null,
    scale: null,
    poleDisplay: null,
  };
  /** Each device's subscriptions, dropped with it when it is reopened. */
  private readonly subscriptions: Record<DeviceSection, (() => void)[]> = { scanner: [], scale: [], poleDisplay: [] };
  private lastDisplay: CustomerDisplayState | null = null;
  private drawerOpenSince: number | null = null;
  private drawerTimer: NodeJS.Timeout | null = null;
  private readonly stopPrinterWatch: () => void;

  constructor(
    private config: HostConfig,
    private readonly options: DeviceManagerOptions,
  ) {
    this.stopPrinterWatch = options.events.on('printer.status', (status) => this.watchDrawer(status.conditions ?? []));
  }

  get settings(): HostConfig {
    return this.config;
  }

  async start(): Promise<void> {
    await this.openDevices(['scanner', 'scale', 'poleDisplay']);
  }

  statuses(): DeviceStatusView[] {
    const printer = this.options.printer.status();
    const terminal = this.options.terminal.current;
    const { scanner, scale, poleDisplay } = this.ports;
    return [
      printerView(printer, this.config.printer.profile),
      drawerView(printer, this.config.drawer.pin),
      scanner
        ? statusView('scanner', scanner.label, scanner.status(), scanner.words)
        : { role: 'scanner', label: 'Keyboard wedge (no setup)', labelCode: 'keyboard-wedge', state: 'ready' },
      scale
        ? statusView('scale', scale.label, scale.status(), scale.words)
        : { ...statusView('scale', 'No scale', null), labelCode: 'no-scale' },
      poleDisplay
        ? statusView('pole-display', poleDisplay.label, poleDisplay.status(), poleDisplay.words)
        : { ...statusView('pole-display', 'No pole display', null), labelCode: 'no-pole-display' },
      statusView('terminal', terminal.label, terminal.deviceStatus?.() ?? { state: 'ready' }, terminal.words),
      {
        role: 'customer-display',
        label: this.config.customerDisplay.window ? `Window on screen ${this.config.customerDisplay.screen ?? 'auto'}` : 'Off',
        ...(this.config.customerDisplay.window
          ? { labelCode: 'customer-window' as const, labelValues: { screen: this.config.customerDisplay.screen ?? 'auto' } }
          : { labelCode: 'off' as const }),
        state: this.config.customerDisplay.window ? 'ready' : 'off',
      },
    ];
  }

  async inventory(): Promise<DeviceInventory> {
    const listErrors: DeviceListError[] = [];
    const serialPorts = await this.options.factories.listSerialPorts().catch((error: unknown) => {
      listErrors.push({
        list: 'serial-ports',
        message: `Serial ports could not be listed: ${(error as Error).message}. On Linux, install udev (apt install udev).`,
      });
      return [];
    });
    const hidDevices = await this.options.factories.listHidDevices().catch((error: unknown) => {
      listErrors.push({
        list: 'hid-devices',
        message: `USB HID devices could not be listed: ${(error as Error).message}. On Linux, install libusb-1.0-0.`,
      });
      return [];
    });
    const { terminal, scanner, drawer, scale, poleDisplay, customerDisplay, printer } = this.config;
    return {
      serialPorts,
      hidDevices,
      settings: { terminal, scanner, drawer, scale, poleDisplay, customerDisplay, printer },
      printerProfiles: PRINTER_PROFILES.map((p) => ({ id: p.id, label: p.label })),
      statuses: this.statuses(),
      listErrors,
    };
  }

  /** Saves the manager's changes, then reopens only the devices whose settings changed. */
  async configure(patch: DeviceSettingsPatch): Promise<{ config: HostConfig; inventory: DeviceInventory }> {
    let next: HostConfig;
    try {
      next = await saveDeviceSettings(this.options.dataDir, patch, this.options.env);
    } catch (error) {
      // A refused printer address comes with its code, for the Devices screen to say what is wrong in the cashier's language.
      const printerTarget = error instanceof ConfigError ? error.printerTarget : undefined;
      throw new PosError('INVALID_REQUEST', (error as Error).message, {
        reason: 'device-settings',
        ...(printerTarget ? { printerTarget } : {}),
      });
    }
    const before = this.config;
    this.config = next;
    const changed = (key: keyof HostConfig) => JSON.stringify(before[key]) !== JSON.stringify(next[key]);
    await this.openDevices((['scanner', 'scale', 'poleDisplay'] as const).filter(changed));
    if (changed('terminal')) await this.options.terminal.replace(this.options.factories.terminal(next.terminal));
    if (changed('printer') || changed('drawer')) await this.options.printer.reconfigure(next);
    this.broadcast();
    return { config: next, inventory: await this.inventory() };
  }

  async readScale(): Promise<ScaleReading> {
    const { scale } = this.ports;
    if (!scale) return { ok: false, reason: 'no-scale', message: 'No scale is set up on this till (Devices screen).' };
    return scale.readWeight().catch((error: unknown) => ({ ok: false, reason: 'error', message: (error as Error).message }) as const);
  }

  async show(state: CustomerDisplayState): Promise<void> {
    this.lastDisplay = state;
    this.options.events.emit('display.state', state);
    const { poleDisplay } = this.ports;
    if (poleDisplay && poleDisplay.status().state === 'ready') {
      await poleDisplay.show(poleDisplayLines(state, this.config.locale, this.options.storeName())).catch(() => undefined);
    }
  }

  async test(test: DeviceTest): Promise<DeviceTestResult> {
    switch (test) {
      case 'print': {
        const outcome = await this.options.printer.printTestPage();
        if (outcome.status === 'failed')
          return { ok: false, outcome: 'print-failed', values: { reason: outcome.reason }, message: outcome.message };
        return outcome.status === 'printed'
          ? { ok: true, outcome: 'test-page-printed', message: 'The printer confirmed the test page.' }
          : { ok: true, outcome: 'test-page-sent', message: 'The test page was sent to the printer.' };
      }
      case 'drawer': {
        const outcome = await this.options.printer.openDrawer(this.config.drawer);
        return outcome.status === 'failed'
          ? { ok: false, outcome: 'drawer-failed', values: { reason: outcome.reason }, message: outcome.message }
          : { ok: true, outcome: 'drawer-pulsed', message: 'The drawer-open pulse was sent.' };
      }
      case 'scale': {
        const reading = await this.readScale();
        return reading.ok
          ? { ok: true, outcome: 'weighed', values: { grams: reading.grams }, message: `${reading.grams} g`, grams: reading.grams }
          : { ok: false, outcome: 'scale-refused', values: { reason: reading.reason }, message: reading.message };
      }
      case 'scan':
        return this.waitForScan();
      case 'pole-display': {
        const { poleDisplay } = this.ports;
        if (!poleDisplay) return { ok: false, outcome: 'no-pole-display', message: 'No pole display is set up on this till.' };
        await poleDisplay.show(['POS TEST 1234567890', 'abcdefghij  EUR 0.01']);
        return poleDisplay.status().state === 'ready'
          ? { ok: true, outcome: 'pole-display-shown', message: 'The test text was sent to the pole display.' }
          : { ok: false, outcome: 'pole-display-not-ready', message: poleDisplay.status().message ?? 'The pole display is not ready' };
      }
      case 'payment': {
        const card = await this.options.terminal.pay({ attemptKey: `test-${randomUUID()}`, amount: 1, currency: 'EUR' });
        return {
          ok: card.status === 'approved',
          outcome: 'test-payment',
          values: { status: card.status },
          message: card.message ?? `Test payment of 0.01 €: ${card.status}`,
          card,
        };
      }
    }
  }

  async close(): Promise<void> {
    this.stopPrinterWatch();
    if (this.drawerTimer) clearTimeout(this.drawerTimer);
    for (const offs of Object.values(this.subscriptions)) for (const off of offs.splice(0)) off();
    await Promise.all(Object.values(this.ports).map((port) => port?.close().catch(() => undefined)));
  }

  private async waitForScan(): Promise<DeviceTestResult> {
    const { scanner } = this.ports;
    if (!scanner)
      return { ok: true, outcome: 'wedge-scanner', message: 'The scanner is a keyboard wedge: scan into the sale screen to test it.' };
    const waitMs = this.options.scanTestMs ?? 15_000;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve({
          ok: false,
          outcome: 'no-scan',
          values: { seconds: waitMs / 1000 },
          message: `No scan within ${waitMs / 1000} s. ${scanner.status().message ?? ''}`.trim(),
        });
      }, waitMs);
      const off = scanner.onScan((scan) => {
        clearTimeout(timer);
        off();
        resolve({
          ok: true,
          outcome: 'scanned',
          values: { code: scan.code },
          message: `Read ${scan.code}${scan.aim ? ` (${scan.aim})` : ''}`,
          code: scan.code,
        });
      });
    });
  }

  private async openDevices(sections: readonly DeviceSection[]): Promise<void> {
    const { factories, events } = this.options;
    for (const section of sections) {
      for (const off of this.subscriptions[section].splice(0)) off();
      await this.ports[section]?.close().catch(() => undefined);
      if (section === 'scanner') this.ports.scanner = factories.scanner(this.config.scanner);
      else if (section === 'scale') this.ports.scale = factories.scale(this.config.scale);
      else this.ports.poleDisplay = factories.poleDisplay(this.config.poleDisplay);
      const port = this.ports[section];
      if (!port) continue;
      const role = section === 'poleDisplay' ? 'pole-display' : section;
      const subscriptions = this.subscriptions[section];
      subscriptions.push(port.on('status', (status: DeviceStatus) => events.emit('device.status', statusView(role, port.label, status))));
      const scanner = this.ports.scanner;
      if (section === 'scanner' && scanner) {
        // A label held under the scanner reads again and again: one item, not several.
        const duplicates = new DuplicateScanFilter(this.config.scanner.duplicateWindowMs);
        subscriptions.push(
          scanner.onScan((scan) => {
            if (!duplicates.accept(scan.code, Date.now())) return;
            events.emit('scanner.scan', { code: scan.code, source: scanner.mode, ...(scan.aim ? { aim: scan.aim } : {}) });
          }),
        );
      }
      await openQuietly(port);
      if (section === 'poleDisplay' && this.lastDisplay) await this.show(this.lastDisplay);
    }
  }

  private broadcast(): void {
    for (const view of this.statuses()) this.options.events.emit('device.status', view);
  }

  /** A drawer left open is a risk: the till warns once it has been open longer than the setting. */
  private watchDrawer(conditions: readonly string[]): void {
    const open = conditions.includes('drawer-open');
    if (!open) {
      this.drawerOpenSince = null;
      if (this.drawerTimer) clearTimeout(this.drawerTimer);
      this.drawerTimer = null;
      return;
    }
    if (this.drawerOpenSince !== null || this.config.drawer.warnAfterS === 0) return;
    this.drawerOpenSince = Date.now();
    this.drawerTimer = setTimeout(() => {
      this.options.events.emit('host.notice', {
        level: 'warning',
        code: 'drawer-left-open',
        values: { seconds: this.config.drawer.warnAfterS },
        message: `The cash drawer has been open for more than ${this.config.drawer.warnAfterS} s: close it.`,
        while: 'drawer-open',
      });
    }, this.config.drawer.warnAfterS * 1000);
    this.drawerTimer.unref?.();
  }
}
