import { describe, expect, it } from 'vitest';
import { encodeHidPosReports } from '../../common/scanner/hid-pos-report';
import { hexToBytes, RECORDED_SCANS } from './recorded-reports';

describe('constructed HID POS report fixtures', () => {
  it.each(RECORDED_SCANS.map((scan) => [scan.description, scan] as const))(
    '%s: the hex is exactly what the documented layout gives',
    (_, scan) => {
      const vendorId = hexToBytes(scan.reports[0]!)[61]!;
      const code = Uint8Array.from(scan.expected.code, (c) => c.charCodeAt(0));
      const built = encodeHidPosReports(code, scan.expected.aim, vendorId);
      expect(scan.reports.map((hex) => [...hexToBytes(hex)])).toEqual(built.map((report) => [...report]));
    },
  );

  it('refuses text that is not hex bytes', () => {
    expect(() => hexToBytes('02 0')).toThrow(/not hex bytes/);
  });
});
