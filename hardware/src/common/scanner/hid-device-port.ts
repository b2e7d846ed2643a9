/**
 * What the HID POS driver needs from a HID library, small enough that tests hand in a replay of
 * recorded reports instead of node-hid (there is no /dev/uhid to make a virtual device).
 */
export type HidDeviceInfo = {
  readonly path?: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly usagePage?: number;
  readonly usage?: number;
  readonly product?: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
  readonly interface?: number;
};

export type HidEnumerator = () => Promise<readonly HidDeviceInfo[]>;

export type HidInputDevice = {
  /** Input reports, report id first. */
  onReport(listener: (report: Uint8Array) => void): void;
  /** Read errors: on Linux an unplugged device ends its read loop with one. */
  onError(listener: (error: unknown) => void): void;
  /** Report id first. */
  sendFeatureReport(bytes: readonly number[]): Promise<void>;
  /** An output report, report id first. */
  write(bytes: readonly number[]): Promise<void>;
  close(): Promise<void>;
};

export type HidOpener = (path: string) => Promise<HidInputDevice>;
