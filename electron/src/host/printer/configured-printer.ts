import type { PrinterStatus, PrintOutcome, Receipt } from '@pos/core';
import { DEFAULT_PRINTER_PROFILE_ID, drawerKickCommand, encodeReceipt, encodeTestPage, findPrinterProfile } from '@pos/hardware/common';
import { createPrinterTransport, formatPrinterTarget, parsePrinterTarget } from '@pos/hardware/node';
import type { HostConfig } from '../config/host-config';
import type { HostEventBus } from '../host-events';
import type { ReceiptPrinter } from './receipt-printer';

/**
 * The receipt printer named in the config: encodes with the printer's profile, sends through its
 * transport, and tells every renderer when its state changes. A print failure is an outcome to
 * show the cashier, never an exception: the sale is already sealed when we print.
 */
export function createConfiguredPrinter(config: HostConfig, events: HostEventBus): ReceiptPrinter {
  const profile = findPrinterProfile(config.printer.profile) ?? findPrinterProfile(DEFAULT_PRINTER_PROFILE_ID);
  if (!profile) throw new Error('No default printer profile');
  const parsed = parsePrinterTarget(config.printer.target);
  const transport = parsed.ok ? createPrinterTransport(parsed.target) : null;
  const configError = parsed.ok ? null : parsed.error;
  const target = parsed.ok ? formatPrinterTarget(parsed.target) : config.printer.target;
  let current: PrinterStatus = { state: 'none', target, checkedAt: new Date().toISOString() };

  const update = (next: Omit<PrinterStatus, 'checkedAt' | 'target'>): PrinterStatus => {
    const changed = next.state !== current.state || next.message !== current.message;
    current = { ...next, target, checkedAt: new Date().toISOString() };
    if (changed) events.emit('printer.status', current);
    return current;
  };

  const send = async (bytes: Uint8Array): Promise<PrintOutcome> => {
    if (!transport) return { status: 'failed', reason: 'no-printer', message: configError ?? 'No receipt printer is configured' };
    const outcome = await transport.write(bytes);
    if (outcome.status === 'failed') update({ state: outcome.reason === 'no-printer' ? 'none' : 'offline', message: outcome.message });
    else update({ state: 'ready' });
    return outcome;
  };

  return {
    columns: profile.columns,
    status: () => current,
    async refresh() {
      if (!transport) return update({ state: 'error', message: configError ?? 'No printer configured' });
      if (parsed.ok && parsed.target.kind === 'none') return update({ state: 'none' });
      const probe = await transport.probe();
      return update(probe.reachable ? { state: 'ready' } : { state: 'offline', message: probe.message ?? 'Printer unreachable' });
    },
    print: (receipt: Receipt) => send(encodeReceipt(receipt, profile)),
    printTestPage: () => send(encodeTestPage(profile, new Date().toISOString().slice(0, 16).replace('T', ' '))),
    // The pulse: on for the setting, off as long again (the coil needs the rest before another kick).
    openDrawer: (drawer) => send(drawerKickCommand(profile.language, { pin: drawer.pin, onMs: drawer.pulseMs, offMs: drawer.pulseMs })),
    async close() {
      await transport?.close();
    },
  };
}
