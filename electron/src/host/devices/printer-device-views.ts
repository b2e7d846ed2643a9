import type { DeviceStatusView, PrinterStatus } from '@pos/core';

const PRINTER_STATES: Readonly<Record<PrinterStatus['state'], DeviceStatusView['state']>> = {
  none: 'off',
  ready: 'ready',
  offline: 'disconnected',
  error: 'error',
};

/** The printer's line of the Devices screen. */
export function printerView(printer: PrinterStatus, profile: string): DeviceStatusView {
  const conditions = printer.conditions ?? [];
  return {
    role: 'printer',
    label: `${printer.target} (${profile})`,
    state: PRINTER_STATES[printer.state],
    ...(printer.message || conditions.length > 0 ? { message: [printer.message, ...conditions].filter(Boolean).join(' · ') } : {}),
  };
}

/**
 * The drawer's line. The drawer has no link of its own: the printer sends it the opening pulse
 * and reports whether it is open. So it is ready only when its printer is; a drawer shown
 * "ready" behind an offline printer would not open for the next cash sale.
 */
export function drawerView(printer: PrinterStatus, pin: number): DeviceStatusView {
  const named = {
    role: 'drawer',
    label: `Drawer on the printer, pin ${pin}`,
    labelCode: 'drawer-on-printer',
    labelValues: { pin },
  } as const;
  if (printer.state !== 'ready') return { ...named, state: PRINTER_STATES[printer.state] };
  const open = (printer.conditions ?? []).includes('drawer-open');
  return { ...named, state: open ? 'busy' : 'ready', ...(open ? { message: 'The drawer is open' } : {}) };
}
