import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HidPosReassembler } from './hid-pos-reassembler';
import { encodeHidPosReport, encodeHidPosReports, HID_POS_REPORT_SIZE, parseHidPosReport } from './hid-pos-report';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const hexToBytes = (hex: string) => Uint8Array.from(hex.split(' '), (pair) => parseInt(pair, 16));

/** A Honeywell EAN-13 report, byte by byte as the manuals lay it out (constructed, not captured). */
const EAN13_REPORT = [
  '02 0d 5d 45 30 33 37 36 30 30 30 30 30 30 30 30',
  '31 37 00 00 00 00 00 00 00 00 00 00 00 00 00 00',
  '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00',
  '00 00 00 00 00 00 00 00 00 00 00 00 00 64 00 00',
].join(' ');

describe('HID POS scanned data report', () => {
  it('reads a single report: AIM identifier, data of the announced length, vendor symbology id, no continuation', () => {
    const parsed = parseHidPosReport(hexToBytes(EAN13_REPORT));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report.aim).toBe(']E0');
    expect(text(parsed.report.data)).toBe('3760000000017');
    expect(parsed.report.vendorSymbologyId).toBe(0x64);
    expect(parsed.report.more).toBe(false);
  });

  it('reads the "more data follows" bit of a chunk', () => {
    const [first, last] = encodeHidPosReports(ascii('D'.repeat(100)), ']d2').map(parseHidPosReport);
    expect(first).toMatchObject({ ok: true, report: { aim: ']d2', more: true } });
    expect(last).toMatchObject({ ok: true, report: { aim: ']d2', more: false } });
    if (first?.ok) expect(first.report.data.length).toBe(56);
    if (last?.ok) expect(last.report.data.length).toBe(44);
  });

  it('leaves the AIM identifier out when the scanner sent none', () => {
    const parsed = parseHidPosReport(encodeHidPosReport({ data: ascii('ABC') }));
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) expect(parsed.report.aim).toBeUndefined();
  });

  it('says plainly what is wrong with a short report or an impossible length, and skips other report ids', () => {
    expect(parseHidPosReport(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseHidPosReport(hexToBytes(EAN13_REPORT).slice(0, 20))).toMatchObject({
      ok: false,
      reason: 'truncated',
      message: expect.stringContaining('20-byte report'),
    });
    const tooLong = encodeHidPosReport({ aim: ']E0', data: ascii('1') });
    tooLong[1] = 57;
    expect(parseHidPosReport(tooLong)).toMatchObject({ ok: false, reason: 'bad-length' });
    expect(parseHidPosReport(Uint8Array.of(0x04, ...new Uint8Array(63)))).toMatchObject({ ok: false, reason: 'other-report' });
  });

  it('reads back what encodeHidPosReports wrote, across any code length (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }), fc.constantFrom(']C1', ']d2', ']Q1', undefined), (code, aim) => {
        const reassembler = new HidPosReassembler();
        const reports = encodeHidPosReports(code, aim);
        expect(reports.every((r) => r.length === HID_POS_REPORT_SIZE)).toBe(true);
        const steps = reports.map((r) => {
          const parsed = parseHidPosReport(r);
          if (!parsed.ok) throw new Error(parsed.message);
          return reassembler.push(parsed.report, 0);
        });
        expect(steps.slice(0, -1).every((s) => s.type === 'partial')).toBe(true);
        const last = steps.at(-1);
        expect(last?.type).toBe('complete');
        if (last?.type === 'complete') {
          expect([...last.scan.bytes]).toEqual([...code]);
          expect(last.scan.aim).toBe(aim);
        }
      }),
    );
  });

  it('never throws on random or truncated reports, and every refusal says why (fuzz)', () => {
    const valid = encodeHidPosReport({ aim: ']E0', data: ascii('3760000000017') });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 80 }),
          fc.nat({ max: 64 }).map((cut) => valid.slice(0, cut)),
          fc.uint8Array({ minLength: 63, maxLength: 63 }).map((rest) => Uint8Array.of(0x02, ...rest)),
        ),
        (bytes) => {
          const parsed = parseHidPosReport(bytes);
          if (parsed.ok) expect(parsed.report.data.length).toBeLessThanOrEqual(56);
          else expect(parsed.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
