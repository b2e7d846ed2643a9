import type { CustomerDisplaySettings, EventName, HostEvents, InvokeReply } from '@pos/core';
import type { CardTerminal } from '@pos/hardware/common';
import type { SecretProtector } from './hub/hub-credentials';
import type { DeviceFactories } from './devices/device-ports';
import type { ReceiptPrinter } from './printer/receipt-printer';

/**
 * The till host as its two front doors (Electron's ipcMain relay and the browser-mode socket)
 * see it. `invoke` never throws: an unknown method, a malformed request or a failure comes back
 * as an error envelope the renderer turns into a typed error.
 */
export type TillHost = {
  invoke(name: unknown, request: unknown): Promise<InvokeReply>;
  on<E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
  /** Every event, for relays that forward them all. */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Whether (and where) the customer's window is wanted, as the Devices screen set it. */
  customerDisplay(): CustomerDisplaySettings;
  close(): Promise<void>;
};

export type TillHostOptions = {
  /** Where config, keys, the fiscal journal and staff live. */
  readonly dataDir: string;
  readonly mode: 'electron' | 'browser';
  readonly appVersion?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Tests and the device screen inject devices; by default they come from the config. */
  readonly printer?: ReceiptPrinter;
  readonly terminal?: CardTerminal;
  /** Tests give the device manager simulators and lists of their own. */
  readonly deviceFactories?: DeviceFactories;
  /** OS keychain encryption for the hub token and the signing key (Electron's safeStorage); 0600 files without it. */
  readonly secretProtector?: SecretProtector;
  /**
   * The demo store: the demo staff (PINs published in the README) exist only then. Default: the
   * POS_DEMO environment variable the launcher sets ("1") when it runs the embedded demo hub.
   */
  readonly demo?: boolean;
  /** How often an enrolled till pulls its store's staff (default STAFF_PULL_MS, a minute). */
  readonly staffPullMs?: number;
  /** How long the hub must stay unreachable before `hub.offline` is sealed (default HUB_OFFLINE_DEBOUNCE_MS, a minute). */
  readonly hubOfflineMs?: number;
};
