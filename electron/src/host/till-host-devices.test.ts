import type { CardResult, DeviceInventory, DeviceTestResult, HostEvents, SealedRecord } from '@pos/core';
import { startFakeNetworkPrinter, startZvtSimulator, type FakeNetworkPrinter, type ZvtSimulator } from '@pos/hardware/fake';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDeviceFactories } from './devices/default-factories';
import { createConfiguredTerminal } from './terminal/configured-terminal';
import { capturingPrinter, errorOf, hostPool, nextEvent, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

const dirs = tempDirs();
const hosts = hostPool();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await hosts.closeAll();
  for (const stop of stops.splice(0)) await stop();
  await dirs.cleanup();
});

async function zvtSimulator(): Promise<ZvtSimulator> {
  const simulator = await startZvtSimulator({ processingMs: 0 });
  stops.push(() => simulator.close());
  return simulator;
}

async function fakePrinter(): Promise<FakeNetworkPrinter> {
  const printer = await startFakeNetworkPrinter();
  stops.push(() => printer.stop());
  return printer;
}

/** Without the harness's short terminal timeout, which would override the Devices screen's. */
const DEVICE_ENV = { POS_PRINTER: 'none' };

/** No serial ports or HID devices here: the lists are empty, not an error. */
const factories = defaultDeviceFactories(createConfiguredTerminal);
const quietLists = { ...factories, listSerialPorts: async () => [], listHidDevices: async () => [] };

async function eventsOf(host: TestHost, dataDir: string): Promise<SealedRecord[]> {
  void dataDir;
  return valueOf<{ records: SealedRecord[] }>(await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 500 })).records;
}

describe('the Devices screen at the host', () => {
  it('is for managers: a cashier may neither list nor change the devices', async () => {
    const host = await hosts.start(await dirs.make(), { deviceFactories: quietLists });
    await signIn(host, '1234');
    expect(errorOf(await host.invoke('devices.list', undefined)).code).toBe('FORBIDDEN');
    expect(errorOf(await host.invoke('devices.configure', { scanner: { mode: 'hid-pos' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await host.invoke('devices.test', { test: 'print' })).code).toBe('FORBIDDEN');
  });

  it('lists the devices and their settings, and refuses settings that cannot work, naming them', async () => {
    const host = await hosts.start(await dirs.make(), { deviceFactories: quietLists });
    await signIn(host, '5678');
    const inventory = valueOf<DeviceInventory>(await host.invoke('devices.list', undefined));
    expect(inventory.settings.scanner.mode).toBe('keyboard-wedge');
    expect(inventory.statuses.map((s) => s.role)).toEqual([
      'printer',
      'drawer',
      'scanner',
      'scale',
      'pole-display',
      'terminal',
      'customer-display',
    ]);
    expect(inventory.printerProfiles.length).toBeGreaterThan(0);
    expect(errorOf(await host.invoke('devices.configure', { terminal: { kind: 'zvt', address: 'nowhere' } })).message).toMatch(
      /terminal.address must be "host:port"/,
    );
    expect(errorOf(await host.invoke('devices.configure', { coffeeMachine: {} })).message).toMatch(/Unknown device setting/);
  });

  it('switches to a ZVT terminal, pays 0.01 € through it, and keeps the choice after a restart', async () => {
    const zvt = await zvtSimulator();
    const dataDir = await dirs.make();
    const host = await hosts.start(dataDir, { env: DEVICE_ENV, deviceFactories: quietLists });
    await signIn(host, '5678');
    const inventory = valueOf<DeviceInventory>(
      await host.invoke('devices.configure', { terminal: { kind: 'zvt', address: `127.0.0.1:${zvt.port}`, timeoutMs: 3000 } }),
    );
    expect(inventory.settings.terminal.kind).toBe('zvt');
    const test = valueOf<DeviceTestResult>(await host.invoke('devices.test', { test: 'payment' }));
    expect(test, test.message).toMatchObject({ ok: true, card: { status: 'approved', amount: 1, terminal: 'zvt' } });
    // Registration, then the authorisation of 1 cent in euros.
    expect(zvt.received.some((r) => r.bytes.subarray(0, 2).equals(Buffer.from([0x06, 0x01])))).toBe(true);
    // Sealed: who changed which devices.
    expect((await eventsOf(host, dataDir)).some((r) => (r.payload as { type: string }).type === 'devices.configure')).toBe(true);
    await hosts.closeAll();

    const again = await hosts.start(dataDir, { env: DEVICE_ENV, deviceFactories: quietLists });
    await signIn(again, '1234');
    const paid = valueOf<CardResult>(await again.invoke('terminal.pay', { attemptKey: 'after-restart', amount: 1250, currency: 'EUR' }));
    expect(paid).toMatchObject({ status: 'approved', terminal: 'zvt' });
  });

  it('catches a late approval from the terminal, tells every screen, seals it, and never charges again', async () => {
    const zvt = await zvtSimulator();
    const dataDir = await dirs.make();
    const host = await hosts.start(dataDir, { env: DEVICE_ENV, deviceFactories: quietLists });
    await signIn(host, '5678');
    valueOf(await host.invoke('devices.configure', { terminal: { kind: 'zvt', address: `127.0.0.1:${zvt.port}`, timeoutMs: 300 } }));
    zvt.setBehaviour({ kind: 'late', delayMs: 600 }, 'next');
    const alert = nextEvent<HostEvents['terminal.alert']>(
      (l) => host.on('terminal.alert', l),
      () => true,
    );
    const first = valueOf<CardResult>(await host.invoke('terminal.pay', { attemptKey: 'late-1', amount: 2000, currency: 'EUR' }));
    expect(first.status).toBe('unknown');
    expect(await alert).toMatchObject({ kind: 'late-approval', attemptKey: 'late-1', status: 'approved', amount: 2000 });
    const authorisations = () => zvt.received.filter((r) => r.bytes.subarray(0, 2).equals(Buffer.from([0x06, 0x01]))).length;
    expect(authorisations()).toBe(1);
    expect(valueOf<CardResult>(await host.invoke('terminal.pay', { attemptKey: 'late-1', amount: 2000, currency: 'EUR' })).status).toBe(
      'approved',
    );
    expect(authorisations()).toBe(1);
    await expect
      .poll(async () => (await eventsOf(host, dataDir)).some((r) => (r.payload as { type: string }).type === 'terminal.alert'))
      .toBe(true);
  });

  it('opens the drawer without a sale only with the permission or a manager PIN, sealing the event first', async () => {
    const printer = capturingPrinter();
    const dataDir = await dirs.make();
    const host = await hosts.start(dataDir, { printer, deviceFactories: quietLists });
    await signIn(host, '1234');
    expect(errorOf(await host.invoke('drawer.open', { reason: 'change' })).code).toBe('FORBIDDEN');
    expect(errorOf(await host.invoke('drawer.open', { reason: 'change', managerPin: '1234' })).code).toBe('FORBIDDEN');
    expect(printer.jobs).toEqual([]);
    expect(valueOf(await host.invoke('drawer.open', { reason: 'change', managerPin: '5678' }))).toEqual({
      opened: true,
      message: 'Drawer opened',
    });
    expect(printer.jobs).toEqual(['drawer pin 2']);
    const sealed = (await eventsOf(host, dataDir)).map((r) => r.payload as { type: string; staffId?: string; approvedBy?: string });
    expect(sealed.find((p) => p.type === 'drawer.open')).toMatchObject({ staffId: 'staff-camille', approvedBy: 'staff-sophie' });
  });

  it('sends the test page, the drawer pulse and the receipt of a cash sale to a network printer, which confirms them', async () => {
    const fake = await fakePrinter();
    const host = await hosts.start(await dirs.make(), {
      env: { POS_PRINTER: fake.target, POS_TERMINAL_DELAY_MS: '5' },
      deviceFactories: quietLists,
    });
    await signIn(host, '5678');
    expect(valueOf<DeviceTestResult>(await host.invoke('devices.test', { test: 'print' }))).toMatchObject({
      ok: true,
      message: 'The test page was sent to the printer.',
    });
    expect(valueOf<DeviceTestResult>(await host.invoke('devices.test', { test: 'drawer' })).ok).toBe(true);
    await expect.poll(() => fake.drawerKicks.length).toBe(1);
    expect(fake.drawerKicks[0]).toMatchObject({ pin: 2 });
  });

  it('reports the printer out of paper to every screen', async () => {
    const fake = await fakePrinter();
    const host = await hosts.start(await dirs.make(), {
      env: { POS_PRINTER: fake.target, POS_TERMINAL_DELAY_MS: '5' },
      deviceFactories: quietLists,
    });
    const paperOut = nextEvent<HostEvents['printer.status']>(
      (l) => host.on('printer.status', l),
      (s) => (s.conditions ?? []).includes('paper-end'),
      15_000,
    );
    fake.setStatus({ paperOut: true });
    await host.context.printer.refresh();
    expect(await paperOut).toMatchObject({ state: 'offline' });
  });

  it('shows the customer display state to every screen', async () => {
    const host = await hosts.start(await dirs.make(), { deviceFactories: quietLists });
    await signIn(host, '1234');
    const shown = nextEvent<HostEvents['display.state']>(
      (l) => host.on('display.state', l),
      () => true,
    );
    const state = { phase: 'sale', currency: 'EUR', total: 349, lines: [{ name: 'Café', quantity: 1, amount: 349 }] } as const;
    expect(valueOf(await host.invoke('display.show', state))).toBeNull();
    expect(await shown).toEqual(state);
    expect(errorOf(await host.invoke('display.show', { phase: 'party', currency: 'EUR', total: 0, lines: [] })).code).toBe(
      'INVALID_REQUEST',
    );
    // The member greeted: a first name and points, bounded.
    const greeted = { ...state, member: { name: 'Marie', points: 1250 } };
    const shownMember = nextEvent<HostEvents['display.state']>(
      (l) => host.on('display.state', l),
      () => true,
    );
    expect(valueOf(await host.invoke('display.show', greeted))).toBeNull();
    expect(await shownMember).toEqual(greeted);
    for (const member of [{ name: 'x'.repeat(61) }, { name: 'Marie', points: -1 }, 'Marie'])
      expect(errorOf(await host.invoke('display.show', { ...state, member })).code).toBe('INVALID_REQUEST');
  });

  it('passes the digital receipt’s link on to the customer’s screen, and nothing but a web address', async () => {
    const host = await hosts.start(await dirs.make(), { deviceFactories: quietLists });
    await signIn(host, '1234');
    const paid = { phase: 'paid', currency: 'EUR', total: 349, lines: [] } as const;
    const shown = (receiptUrl: string) => {
      const next = nextEvent<HostEvents['display.state']>(
        (l) => host.on('display.state', l),
        () => true,
      );
      return host.invoke('display.show', { ...paid, receiptUrl }).then(() => next);
    };
    const link = 'http://127.0.0.1:8787/r/S001/s-1.0123456789abcdef0123456789abcdef';
    expect(await shown(link)).toEqual({ ...paid, receiptUrl: link });
    expect(await shown('javascript:alert(1)')).toEqual(paid);
  });

  it('says plainly when there is no scale', async () => {
    const host = await hosts.start(await dirs.make(), { deviceFactories: quietLists });
    await signIn(host, '1234');
    expect(valueOf(await host.invoke('scale.read', undefined))).toMatchObject({ ok: false, reason: 'no-scale' });
  });
});
