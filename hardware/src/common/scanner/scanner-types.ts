import type { Symbology } from '@pos/core';
import type { Driver, DriverEvents } from '../device';

/**
 * How a scanner reaches the till: HID POS (USB usage page 0x8C, read by the host), a serial or
 * USB-CDC port, or a keyboard wedge (keys typed into the renderer, see core's wedge detector).
 */
export type ScannerMode = 'hid-pos' | 'serial' | 'keyboard-wedge';

export type ScanData = {
  /** The decoded data, AIM identifier removed; GS1 separators stay as GS (0x1D). */
  readonly code: string;
  /** AIM symbology identifier ("]E0", "]C1"…), when the scanner sent one. */
  readonly aim?: string;
  readonly symbology?: Symbology;
  readonly source: ScannerMode;
};

export type ScannerEvents = DriverEvents<ScanData>;

export type ScannerDriver = Driver<ScannerEvents> & { readonly mode: ScannerMode };
