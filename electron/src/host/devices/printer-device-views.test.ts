import type { PrinterStatus } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { drawerView, printerView } from './printer-device-views';

const printer = (state: PrinterStatus['state'], conditions?: PrinterStatus['conditions']): PrinterStatus => ({
  state,
  target: 'tcp://192.0.2.10:9100',
  checkedAt: '2026-12-06T10:00:00.000Z',
  ...(conditions ? { conditions } : {}),
});

describe('the drawer on the Devices screen', () => {
  it('follows its printer: not ready while the printer is offline or in error', () => {
    expect(drawerView(printer('offline'), 2).state).toBe('disconnected');
    expect(drawerView(printer('error', ['cover-open']), 2).state).toBe('error');
    expect(drawerView(printer('none'), 2).state).toBe('off');
    expect(printerView(printer('offline'), 'esc-pos-80').state).toBe('disconnected');
  });

  it('is ready behind a ready printer, and busy while the printer says it is open', () => {
    expect(drawerView(printer('ready'), 5)).toEqual({
      role: 'drawer',
      label: 'Drawer on the printer, pin 5',
      labelCode: 'drawer-on-printer',
      labelValues: { pin: 5 },
      state: 'ready',
    });
    expect(drawerView(printer('ready', ['drawer-open']), 2).state).toBe('busy');
  });
});
