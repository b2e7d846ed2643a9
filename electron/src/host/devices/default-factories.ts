import type { DeviceSettings, HidDeviceInfo, SerialPortInfo } from '@pos/core';
import {
  createHidPosScanner,
  createSerialPoleDisplay,
  createSerialScale,
  createSerialScanner,
  listHidScanners,
  listSerialPorts,
} from '@pos/hardware/node';
import type { DeviceFactories, TerminalPort } from './device-ports';
import { poleDisplayPort, scalePort, scannerPort } from './driver-adapters';

/**
 * The real drivers behind the settings. The card terminal is passed in: its factory lives with
 * the protocols (terminal/configured-terminal.ts).
 */
export function defaultDeviceFactories(terminal: (settings: DeviceSettings['terminal']) => TerminalPort): DeviceFactories {
  return {
    scanner(settings) {
      if (settings.mode === 'keyboard-wedge') return null;
      if (settings.mode === 'hid-pos') {
        const driver = createHidPosScanner(settings.path ? { path: settings.path } : {});
        return scannerPort(
          driver,
          `HID POS scanner${settings.path ? ` on ${settings.path}` : ''}`,
          settings.path ? { labelCode: 'hid-scanner-at', labelValues: { path: settings.path } } : { labelCode: 'hid-scanner' },
        );
      }
      if (!settings.path) return null;
      return scannerPort(
        createSerialScanner({ path: settings.path, baudRate: settings.baudRate, suffix: settings.suffix }),
        `Serial scanner on ${settings.path} (${settings.baudRate} baud)`,
        { labelCode: 'serial-scanner', labelValues: { path: settings.path, baud: settings.baudRate } },
      );
    },
    scale(settings) {
      return settings.path
        ? scalePort(
            createSerialScale({ path: settings.path, baudRate: settings.baudRate }),
            `Mettler Toledo 8217 scale on ${settings.path}`,
            { labelCode: 'scale-at', labelValues: { model: 'Mettler Toledo 8217', path: settings.path } },
          )
        : null;
    },
    poleDisplay(settings) {
      return settings.path
        ? poleDisplayPort(
            createSerialPoleDisplay({ path: settings.path, baudRate: settings.baudRate }),
            `CD5220 pole display on ${settings.path}`,
            { labelCode: 'pole-display-at', labelValues: { model: 'CD5220', path: settings.path } },
          )
        : null;
    },
    terminal,
    listSerialPorts: (): Promise<SerialPortInfo[]> => listSerialPorts(),
    async listHidDevices(): Promise<HidDeviceInfo[]> {
      const found = await listHidScanners();
      return found.map((d) => ({
        path: d.path,
        vendorId: d.vendorId,
        productId: d.productId,
        ...(d.product ? { product: d.product } : {}),
        vendor: d.profile,
        hidPos: d.isHidPos,
      }));
    },
  };
}
