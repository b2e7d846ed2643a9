import type {
  CardResult,
  DeviceLabelWords,
  DeviceRole,
  DeviceSettings,
  DeviceStatusView,
  HidDeviceInfo,
  ScaleReading,
  SerialPortInfo,
} from '@pos/core';
import type { CardPromptEvent, CardTerminal, DeviceStatus } from '@pos/hardware/common';

/**
 * What the device manager needs of each driver: the driver shape of hardware/common/device.ts,
 * narrowed to what the host uses, so the manager is tested with the real drivers against
 * simulators and the default factories stay the only place that picks a driver.
 */
export type DevicePort = {
  /** What the Devices screen says it is, in the page's language (`label` stays the English for support). */
  readonly words?: DeviceLabelWords;
  open(): Promise<void>;
  close(): Promise<void>;
  status(): DeviceStatus;
  on(event: 'status', listener: (status: DeviceStatus) => void): () => void;
};

export type ScannedCode = { readonly code: string; readonly aim?: string };

export type ScannerPort = DevicePort & {
  readonly mode: 'hid-pos' | 'serial';
  readonly label: string;
  onScan(listener: (scan: ScannedCode) => void): () => void;
};

export type ScalePort = DevicePort & { readonly label: string; readWeight(): Promise<ScaleReading>; zero(): Promise<void> };

export type PoleDisplayPort = DevicePort & { readonly label: string; show(lines: readonly [string, string]): Promise<void> };

/**
 * A card terminal as the manager uses it: the CardTerminal contract, and for protocol drivers
 * their connection status (a simulator has none) and late answers (see switchable-terminal.ts).
 */
export type TerminalPort = CardTerminal & {
  readonly words?: DeviceLabelWords;
  readonly deviceStatus?: () => DeviceStatus;
  readonly onLateAnswer?: (listener: (result: CardResult) => void) => () => void;
  /** What the terminal asks the customer during an attempt, for the drivers whose protocol says. */
  readonly onPrompt?: (listener: (event: CardPromptEvent) => void) => () => void;
};

/** Builds the drivers from the settings; null when the device is not configured. */
export type DeviceFactories = {
  scanner(settings: DeviceSettings['scanner']): ScannerPort | null;
  scale(settings: DeviceSettings['scale']): ScalePort | null;
  poleDisplay(settings: DeviceSettings['poleDisplay']): PoleDisplayPort | null;
  terminal(settings: DeviceSettings['terminal']): TerminalPort;
  listSerialPorts(): Promise<SerialPortInfo[]>;
  listHidDevices(): Promise<HidDeviceInfo[]>;
};

/** A driver's status as the Devices screen shows it. */
export function statusView(role: DeviceRole, label: string, status: DeviceStatus | null, words?: DeviceLabelWords): DeviceStatusView {
  if (!status) return { role, label, state: 'off', ...words };
  const state = status.state === 'closed' ? 'disconnected' : status.state;
  return { role, label, state, ...words, ...(status.message ? { message: status.message } : {}) };
}
