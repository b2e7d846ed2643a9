import { describeAim } from '@pos/core';
import { TypedEvents, type DeviceStatus } from '../../common/device';
import { decodeScanBytes } from '../../common/scanner/decode-scan-bytes';
import type { HidDeviceInfo, HidEnumerator, HidInputDevice, HidOpener } from '../../common/scanner/hid-device-port';
import { HidPosReassembler } from '../../common/scanner/hid-pos-reassembler';
import { parseHidPosReport } from '../../common/scanner/hid-pos-report';
import { findScannerProfile, isHidPosInterface, SCANNER_PROFILES, type ScannerProfile } from '../../common/scanner/scanner-profiles';
import type { ScanData, ScannerDriver, ScannerEvents } from '../../common/scanner/scanner-types';
import { errorMessage, notHidPosMessage, openFailedMessage, readyMessage } from './hid-scanner-messages';
import { enumerateNodeHid, openNodeHid } from './node-hid-port';

export type HidPosScannerOptions = {
  /** A hidraw path from listHidScanners(); default: the first HID POS interface found. */
  readonly path?: string;
  /** How often to look for the scanner while it is missing. Default 1 s. */
  readonly pollIntervalMs?: number;
  /** Longest wait for the next chunk of a long code before the partial code is dropped. Default 1 s. */
  readonly chunkTimeoutMs?: number;
  readonly maxCodeBytes?: number;
  /** Injected by tests (report replays); default node-hid. */
  readonly enumerate?: HidEnumerator;
  readonly openDevice?: HidOpener;
};

export type HidPosScanner = ScannerDriver & {
  /** Starts or stops a read where the vendor has a software trigger (Honeywell); false otherwise. */
  trigger(on: boolean): Promise<boolean>;
};

type Identity = { readonly vendorId: number; readonly productId: number; readonly serialNumber?: string };

const sameScanner = (identity: Identity, device: HidDeviceInfo) =>
  device.vendorId === identity.vendorId &&
  device.productId === identity.productId &&
  (identity.serialNumber === undefined || device.serialNumber === identity.serialNumber);

/**
 * A barcode scanner in HID POS mode. Reads Scanned Data Reports, joins the chunks of long codes and
 * emits whole codes only. When the scanner goes away it says so, drops any half-read code, and
 * looks for it every `pollIntervalMs` (on whatever hidraw path it comes back on) until close().
 */
export function createHidPosScanner(options: HidPosScannerOptions = {}): HidPosScanner {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const chunkTimeoutMs = options.chunkTimeoutMs ?? 1000;
  const enumerate = options.enumerate ?? enumerateNodeHid;
  const openDevice = options.openDevice ?? openNodeHid;
  const events = new TypedEvents<ScannerEvents>();
  const reassembler = new HidPosReassembler(options.maxCodeBytes);
  let status: DeviceStatus = { state: 'closed' };
  let device: HidInputDevice | null = null;
  let profile: ScannerProfile | undefined;
  let current: HidDeviceInfo | undefined;
  /** Set by the first successful open: the scanner to look for when it comes back. */
  let identity: Identity | undefined;
  let closed = true;
  /** Bumped whenever the device changes, so late events of an old handle are ignored. */
  let generation = 0;
  let pollTimer: NodeJS.Timeout | null = null;
  let chunkTimer: NodeJS.Timeout | null = null;
  let attempting: Promise<boolean> | null = null;

  const setStatus = (next: DeviceStatus) => {
    if (next.state === status.state && next.message === status.message) return;
    status = next;
    events.emit('status', next);
  };

  const clearChunkTimer = () => {
    if (chunkTimer) clearTimeout(chunkTimer);
    chunkTimer = null;
  };

  /**
   * A timer can fire a millisecond before the wall clock says the wait is over: then it waits
   * again, or the partial code would stay pending for ever and swallow the next scan's chunks.
   */
  const armChunkTimer = (waitMs: number) => {
    chunkTimer = setTimeout(() => {
      chunkTimer = null;
      if (reassembler.expire(Date.now(), chunkTimeoutMs)) {
        setStatus({
          state: 'error',
          message: 'The scanner stopped in the middle of a long code: the partial code was dropped. Scan again.',
        });
      } else if (reassembler.pending) armChunkTimer(5);
    }, waitMs);
  };

  const choose = (devices: readonly HidDeviceInfo[]): HidDeviceInfo | undefined => {
    if (identity) {
      const known = identity;
      return devices.find((d) => sameScanner(known, d) && isHidPosInterface(d));
    }
    if (options.path) return devices.find((d) => d.path === options.path);
    return devices.find(isHidPosInterface) ?? devices.find((d) => findScannerProfile(d.vendorId));
  };

  const missingMessage = () => {
    if (identity) return 'The scanner is unplugged: waiting for it to come back.';
    if (options.path) return `No scanner at ${options.path}: is it plugged in?`;
    const vendors = SCANNER_PROFILES.map((p) => p.name).join(', ');
    return `No HID POS scanner is plugged in (${vendors} or any scanner in USB HID POS mode).`;
  };

  const onScan = (bytes: Uint8Array, aim: string | undefined) => {
    const described = aim === undefined ? undefined : describeAim(aim);
    const data: ScanData = described
      ? { code: decodeScanBytes(bytes), aim: described.aim, symbology: described.symbology, source: 'hid-pos' }
      : { code: decodeScanBytes(bytes), source: 'hid-pos' };
    events.emit('data', data);
  };

  const onReport = (bytes: Uint8Array) => {
    const parsed = parseHidPosReport(bytes);
    if (!parsed.ok) {
      // Other reports of the interface (attributes, status) carry no scan: nothing is lost.
      if (parsed.reason !== 'other-report') setStatus({ state: 'error', message: parsed.message });
      return;
    }
    const step = reassembler.push(parsed.report, Date.now());
    clearChunkTimer();
    if (step.type === 'partial') {
      armChunkTimer(chunkTimeoutMs);
      return;
    }
    if (step.type === 'error') return setStatus({ state: 'error', message: step.message });
    if (status.state !== 'ready' && current) setStatus({ state: 'ready', message: readyMessage(current) });
    onScan(step.scan.bytes, step.scan.aim);
  };

  const onLost = (handle: HidInputDevice, error: unknown) => {
    if (handle !== device) return;
    generation++;
    device = null;
    clearChunkTimer();
    const midScan = reassembler.pending;
    reassembler.drop();
    handle.close().catch(() => undefined);
    const reason = midScan
      ? 'The scanner was unplugged in the middle of a scan: the partial code was dropped. Scan it again once the scanner is back.'
      : `The scanner was unplugged (${errorMessage(error)}).`;
    events.emit('disconnected', { reason });
    setStatus({ state: 'disconnected', message: `${reason} Waiting for it to come back.` });
    schedulePoll();
  };

  const attach = async (handle: HidInputDevice, info: HidDeviceInfo) => {
    const mine = ++generation;
    device = handle;
    current = info;
    profile = findScannerProfile(info.vendorId);
    identity = info.serialNumber
      ? { vendorId: info.vendorId, productId: info.productId, serialNumber: info.serialNumber }
      : { vendorId: info.vendorId, productId: info.productId };
    handle.onReport((report) => {
      if (mine === generation) onReport(report);
    });
    handle.onError((error) => {
      if (mine === generation) onLost(handle, error);
    });
    let message = readyMessage(info);
    if (profile?.openFeatureReport) {
      try {
        await handle.sendFeatureReport(profile.openFeatureReport);
      } catch (error) {
        message += ` (It refused the ${profile.name} enable report: ${errorMessage(error)}; if scans do not arrive, check its HID POS setting.)`;
      }
    }
    if (mine === generation) setStatus({ state: 'ready', message });
  };

  /** One look for the scanner; true once it is open. */
  const attempt = async (): Promise<boolean> => {
    let devices: readonly HidDeviceInfo[];
    try {
      devices = await enumerate();
    } catch (error) {
      setStatus({ state: 'error', message: `Could not list the USB devices: ${errorMessage(error)}` });
      return false;
    }
    if (closed) return false;
    const candidate = choose(devices);
    if (!candidate?.path) {
      setStatus({ state: 'disconnected', message: missingMessage() });
      return false;
    }
    if (!isHidPosInterface(candidate)) {
      setStatus({ state: 'error', message: notHidPosMessage(candidate) });
      return false;
    }
    let handle: HidInputDevice;
    try {
      handle = await openDevice(candidate.path);
    } catch (error) {
      setStatus({ state: 'error', message: openFailedMessage(candidate, error) });
      return false;
    }
    if (closed) {
      await handle.close().catch(() => undefined);
      return false;
    }
    await attach(handle, candidate);
    return true;
  };

  const attemptOnce = (): Promise<boolean> => {
    attempting ??= attempt().finally(() => {
      attempting = null;
    });
    return attempting;
  };

  function schedulePoll() {
    if (closed || pollTimer) return;
    pollTimer = setTimeout(async () => {
      pollTimer = null;
      if (closed || device) return;
      if (!(await attemptOnce())) schedulePoll();
    }, pollIntervalMs);
  }

  return {
    mode: 'hid-pos',
    open: async () => {
      if (!closed) return;
      closed = false;
      setStatus({ state: 'opening' });
      if (!(await attemptOnce())) schedulePoll();
    },
    close: async () => {
      closed = true;
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
      clearChunkTimer();
      reassembler.drop();
      generation++;
      const handle = device;
      device = null;
      await attempting?.catch(() => false);
      if (handle) await handle.close().catch(() => undefined);
      setStatus({ state: 'closed' });
    },
    status: () => status,
    on: (event, listener) => events.on(event, listener),
    trigger: async (on) => {
      const trigger = profile?.trigger;
      if (!device || !trigger) return false;
      try {
        await device.write(on ? trigger.on : trigger.off);
        return true;
      } catch (error) {
        setStatus({ state: 'error', message: `The scanner did not take the trigger command: ${errorMessage(error)}` });
        return false;
      }
    },
  };
}
