import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../encode-receipt';
import { ESC_POS_58, ESC_POS_80, STAR_PRNT_80 } from '../printer-profiles';
import { sampleReceipt } from '../test-support/sample-receipt';
import { trailingProcessId } from './esc-pos-commands';
import { BUILT_IN_LOGO, toRgba } from './monochrome-image';
import { buildDrawerKickJob, buildPrintJob, drawerKickCommand } from './print-job';

const indexOf = (haystack: Uint8Array, needle: readonly number[]) => Buffer.from(haystack).indexOf(Buffer.from(needle));
const INIT = [0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x4d, 0x00];

describe('print jobs, ESC/POS', () => {
  const receipt = sampleReceipt(42);

  it('a cash sale: initialise, GS a 0x0F, ESC p 0 50 250, the receipt, then GS ( H with the process ID', () => {
    const job = buildPrintJob(receipt, ESC_POS_80, { processId: '0042', openDrawer: true });
    expect(job).toMatchObject({ processId: '0042', statusBack: true, drawerKick: true });
    expect([...job.bytes.subarray(0, 15)]).toEqual([...INIT, 0x1d, 0x61, 0x0f, 0x1b, 0x70, 0x00, 50, 250]);
    expect(trailingProcessId(job.bytes)).toBe('0042');
    const withoutId = job.bytes.subarray(0, -11);
    expect([...withoutId.subarray(-3)]).toEqual([0x1d, 0x56, 0x01]);
  });

  it('a card sale has no drawer kick; without an ID there is no GS ( H', () => {
    const job = buildPrintJob(receipt, ESC_POS_80);
    expect(job).toMatchObject({ statusBack: true, drawerKick: false });
    expect(job.processId).toBeUndefined();
    expect(indexOf(job.bytes, [0x1b, 0x70])).toBe(-1);
    expect(indexOf(job.bytes, [0x1d, 0x28, 0x48])).toBe(-1);
  });

  it('asks no process ID of a printer whose profile does not confirm completion', () => {
    const job = buildPrintJob(sampleReceipt(32), ESC_POS_58, { processId: '0001' });
    expect(job.processId).toBeUndefined();
    expect(trailingProcessId(job.bytes)).toBeUndefined();
  });

  it('prints the logo as one raster image (GS v 0, 8 bytes × 24 rows) centred before the first line', () => {
    const job = buildPrintJob(receipt, ESC_POS_80, { logo: BUILT_IN_LOGO });
    const at = indexOf(job.bytes, [0x1b, 0x61, 0x01, 0x1d, 0x76, 0x30, 0x00, 8, 0, 24, 0]);
    expect(at).toBe(INIT.length + 3);
    const rows = job.bytes.subarray(at + 11, at + 11 + 8 * 24);
    expect([...rows.subarray(0, 8)]).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect([...rows.subarray(16, 24)]).toEqual([0xc0, 0, 0, 0, 0, 0, 0, 0x03]);
    // The encoder ends the image's block with a line feed, then aligns left again.
    expect([...job.bytes.subarray(at + 11 + 8 * 24, at + 11 + 8 * 24 + 4)]).toEqual([0x0a, 0x1b, 0x61, 0x00]);
  });

  it('prints the receipt number as a Code 128 barcode with its text below, before the QR code', () => {
    const bytes = buildPrintJob(receipt, ESC_POS_80).bytes;
    const data = [...Buffer.from(`{B${receipt.receiptNumber}`, 'latin1')];
    const barcode = indexOf(bytes, [0x1d, 0x68, 48, 0x1d, 0x77, 2, 0x1d, 0x48, 2, 0x1d, 0x6b, 0x49, data.length, ...data]);
    expect(barcode).toBeGreaterThan(0);
    expect(barcode).toBeLessThan(indexOf(bytes, [0x1d, 0x28, 0x6b]));
    // The plain receipt (what the screen shows) and a job that opts out have none.
    expect(indexOf(encodeReceipt(receipt, ESC_POS_80), [0x1d, 0x6b])).toBe(-1);
    expect(indexOf(buildPrintJob(receipt, ESC_POS_80, { receiptNumberBarcode: false }).bytes, [0x1d, 0x6b])).toBe(-1);
  });
});

describe('drawer kick', () => {
  it('ESC p m t1 t2: m 0 for pin 2, 1 for pin 5, times in 2 ms units', () => {
    expect([...drawerKickCommand('esc-pos', { pin: 2, onMs: 100, offMs: 500 })]).toEqual([0x1b, 0x70, 0, 50, 250]);
    expect([...drawerKickCommand('esc-pos', { pin: 5, onMs: 60, offMs: 120 })]).toEqual([0x1b, 0x70, 1, 30, 60]);
  });

  it('StarPRNT ESC BEL n1 n2 BEL (drawer 1) or SUB (drawer 2), times in 10 ms units', () => {
    expect([...drawerKickCommand('star-prnt', { pin: 2, onMs: 100, offMs: 500 })]).toEqual([0x1b, 0x07, 10, 50, 0x07]);
    expect([...drawerKickCommand('star-prnt', { pin: 5, onMs: 100, offMs: 500 })]).toEqual([0x1b, 0x07, 10, 50, 0x1a]);
  });

  it('a drawer job alone is initialise + kick; none without a drawer', () => {
    expect([...buildDrawerKickJob(ESC_POS_80)!]).toEqual([...INIT, 0x1b, 0x70, 0, 50, 250]);
    expect(buildDrawerKickJob({ ...ESC_POS_80, drawer: undefined } as never)).toBeUndefined();
  });
});

describe('print jobs, StarPRNT', () => {
  it('kicks the drawer with ESC BEL and never sends ESC/POS status or process ID commands', () => {
    const job = buildPrintJob(sampleReceipt(48), STAR_PRNT_80, { processId: '0001', openDrawer: true });
    expect(job).toMatchObject({ statusBack: false, drawerKick: true });
    expect(job.processId).toBeUndefined();
    expect(indexOf(job.bytes, [0x1b, 0x07, 10, 50, 0x07])).toBeGreaterThan(0);
    expect(indexOf(job.bytes, [0x1d, 0x61, 0x0f])).toBe(-1);
    expect(indexOf(job.bytes, [0x1d, 0x28, 0x48])).toBe(-1);
  });
});

describe('built-in logo', () => {
  it('is 64 × 24 dots, every row the same length, black and white only', () => {
    expect(new Set(BUILT_IN_LOGO.rows.map((r) => r.length))).toEqual(new Set([64]));
    expect(BUILT_IN_LOGO.rows).toHaveLength(24);
    expect(BUILT_IN_LOGO.rows.join('')).toMatch(/^[#.]+$/);
    const rgba = toRgba(BUILT_IN_LOGO);
    expect([rgba.width, rgba.height, rgba.data.length]).toEqual([64, 24, 64 * 24 * 4]);
    expect(new Set(rgba.data)).toEqual(new Set([0, 255]));
  });
});
