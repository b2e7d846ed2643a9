import type { DrawerSettings, PrinterStatus, PrintOutcome, Receipt } from '@pos/core';
import {
  buildPrintJob,
  DEFAULT_PRINTER_PROFILE_ID,
  drawerKickCommand,
  encodeTestPage,
  findPrinterProfile,
  processIdFor,
  type PrinterProfile,
  type PrinterTransport,
} from '@pos/hardware/common';
import {
  createConfirmingTcpPrinter,
  createPrinterStatusMonitor,
  createPrinterTransport,
  createSerialPrinterTransport,
  formatPrinterTarget,
  parsePrinterTarget,
  type PrinterStatusMonitor,
} from '@pos/hardware/node';
import type { HostConfig } from '../config/host-config';
import type { HostEventBus } from '../host-events';
import type { ReceiptPrinter } from './receipt-printer';

type Setup = {
  readonly profile: PrinterProfile;
  readonly target: string;
  readonly transport: PrinterTransport | null;
  readonly monitor: PrinterStatusMonitor | null;
  readonly configError: string | null;
  readonly none: boolean;
};

/** The profile with the drawer as the Devices screen wired it (pin, pulse). */
function withDrawer(profile: PrinterProfile, drawer: DrawerSettings): PrinterProfile {
  return {
    ...profile,
    drawer: {
      ...(profile.drawer ?? {}),
      pin: drawer.pin,
      onMs: drawer.pulseMs,
      offMs: Math.max(drawer.pulseMs, profile.drawer?.offMs ?? 0),
    },
  };
}

function setUp(config: Pick<HostConfig, 'printer' | 'drawer'>): Setup {
  const found = findPrinterProfile(config.printer.profile) ?? findPrinterProfile(DEFAULT_PRINTER_PROFILE_ID);
  if (!found) throw new Error('No default printer profile');
  const profile = withDrawer(found, config.drawer);
  const parsed = parsePrinterTarget(config.printer.target);
  if (!parsed.ok) return { profile, target: config.printer.target, transport: null, monitor: null, configError: parsed.error, none: false };
  const target = formatPrinterTarget(parsed.target);
  if (parsed.target.kind === 'tcp' && profile.reportsStatus) {
    // A network printer that answers status: jobs and status queries share one queue, and the
    // monitor tells the cashier about paper and cover before the next receipt.
    const transport = createConfirmingTcpPrinter({ host: parsed.target.host, port: parsed.target.port, language: profile.language });
    const monitor = createPrinterStatusMonitor({
      source: transport,
      ...(profile.drawer?.openWhen ? { drawerOpenWhen: profile.drawer.openWhen } : {}),
    });
    return { profile, target, transport, monitor, configError: null, none: false };
  }
  if (parsed.target.kind === 'serial' && profile.reportsStatus) {
    // A serial printer answers DLE EOT on the same cable: the monitor asks between receipts.
    const { path, baudRate, rtscts } = parsed.target;
    const transport = createSerialPrinterTransport({ path, baudRate, rtscts, language: profile.language });
    const monitor = createPrinterStatusMonitor({
      source: transport,
      ...(profile.drawer?.openWhen ? { drawerOpenWhen: profile.drawer.openWhen } : {}),
    });
    return { profile, target, transport, monitor, configError: null, none: false };
  }
  return {
    profile,
    target,
    transport: createPrinterTransport(parsed.target),
    monitor: null,
    configError: null,
    none: parsed.target.kind === 'none',
  };
}

/**
 * The receipt printer of the settings: builds each job with the printer's profile (status back,
 * process ID where the printer confirms completion), sends it through its
 * transport, and tells every renderer when its state or conditions change. A print failure is an
 * outcome to show the cashier, never an exception: the sale is already sealed when we print.
 * The Devices screen replaces the setup with `reconfigure`.
 */
export function createConfiguredPrinter(config: Pick<HostConfig, 'printer' | 'drawer'>, events: HostEventBus): ReceiptPrinter {
  let setup = setUp(config);
  let jobs = 0;
  let current: PrinterStatus = { state: 'none', target: setup.target, checkedAt: new Date().toISOString() };
  let stopMonitor: (() => void) | null = null;

  const publish = (next: PrinterStatus): PrinterStatus => {
    const changed =
      next.state !== current.state ||
      next.message !== current.message ||
      (next.conditions ?? []).join() !== (current.conditions ?? []).join();
    current = next;
    if (changed) events.emit('printer.status', current);
    return current;
  };
  const update = (next: Omit<PrinterStatus, 'checkedAt' | 'target'>): PrinterStatus =>
    publish({ ...next, target: setup.target, checkedAt: new Date().toISOString() });

  const follow = (s: Setup) => {
    stopMonitor?.();
    stopMonitor = null;
    if (!s.monitor) return;
    const off = s.monitor.on('status', (status) => publish(status));
    void s.monitor.open();
    stopMonitor = () => {
      off();
      void s.monitor?.close();
    };
  };
  follow(setup);

  const send = async (bytes: Uint8Array): Promise<PrintOutcome> => {
    const { transport, configError } = setup;
    if (!transport) return { status: 'failed', reason: 'no-printer', message: configError ?? 'No receipt printer is configured' };
    const outcome = await transport.write(bytes);
    if (outcome.status === 'failed') update({ state: outcome.reason === 'no-printer' ? 'none' : 'offline', message: outcome.message });
    else if (setup.monitor) void setup.monitor.refresh();
    else update({ state: 'ready' });
    return outcome;
  };

  return {
    get columns() {
      return setup.profile.columns;
    },
    get drivesDrawer() {
      return !setup.none;
    },
    status: () => current,
    async refresh() {
      if (!setup.transport) return update({ state: 'error', message: setup.configError ?? 'No printer configured' });
      if (setup.none) return update({ state: 'none' });
      if (setup.monitor) return publish(await setup.monitor.refresh());
      const probe = await setup.transport.probe();
      return update(probe.reachable ? { state: 'ready' } : { state: 'offline', message: probe.message ?? 'Printer unreachable' });
    },
    print: (receipt: Receipt) => {
      jobs += 1;
      const job = buildPrintJob(receipt, setup.profile, { processId: processIdFor(jobs) });
      return send(job.bytes);
    },
    printTestPage: () => send(encodeTestPage(setup.profile, new Date().toISOString().slice(0, 16).replace('T', ' '))),
    openDrawer: (drawer) => send(drawerKickCommand(setup.profile.language, withDrawer(setup.profile, drawer).drawer!)),
    async reconfigure(next) {
      const old = setup;
      setup = setUp(next);
      follow(setup);
      await old.transport?.close();
      await this.refresh();
    },
    async close() {
      stopMonitor?.();
      await setup.transport?.close();
    },
  };
}
