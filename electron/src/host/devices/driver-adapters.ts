import type { DeviceLabelWords, ScaleReading } from '@pos/core';
import type { Driver, DriverEvents, ScanData, ScannerDriver, WeightReading } from '@pos/hardware/common';
import type { SerialPoleDisplay, SerialScale } from '@pos/hardware/node';
import type { PoleDisplayPort, ScalePort, ScannerPort } from './device-ports';

/** The scale's reading as the contract carries it: grams, or a refusal in the cashier's words. */
export function scaleReading(reading: WeightReading): ScaleReading {
  if (reading.kind === 'weight') return { ok: true, grams: reading.grams };
  return { ok: false, reason: reading.kind, message: reading.message };
}

function statusOf<E extends DriverEvents<unknown>>(driver: Driver<E>) {
  return {
    open: () => driver.open(),
    close: () => driver.close(),
    status: () => driver.status(),
    on: (event: 'status', listener: Parameters<typeof driver.on<'status'>>[1]) => driver.on('status', listener),
  };
}

export function scannerPort(driver: ScannerDriver, label: string, words?: DeviceLabelWords): ScannerPort {
  if (driver.mode === 'keyboard-wedge') throw new Error('A keyboard wedge is read by the renderer, not the host');
  return {
    ...statusOf(driver),
    mode: driver.mode,
    label,
    ...(words ? { words } : {}),
    onScan: (listener) => driver.on('data', (scan: ScanData) => listener({ code: scan.code, ...(scan.aim ? { aim: scan.aim } : {}) })),
  };
}

export function scalePort(driver: SerialScale, label: string, words?: DeviceLabelWords): ScalePort {
  return {
    ...statusOf(driver),
    label,
    ...(words ? { words } : {}),
    readWeight: async () => scaleReading(await driver.readWeight()),
    zero: async () => {
      await driver.zero();
    },
  };
}

export function poleDisplayPort(driver: SerialPoleDisplay, label: string, words?: DeviceLabelWords): PoleDisplayPort {
  return {
    ...statusOf(driver),
    label,
    ...(words ? { words } : {}),
    show: async (lines) => {
      const result = await driver.show(lines);
      if (!result.ok) throw new Error(result.message);
    },
  };
}
