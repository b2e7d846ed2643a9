/**
 * The HID POS Scanned Data Report (USB HID Point of Sale Usage Tables 1.02, usage page 0x8C,
 * usage 0x12), as Honeywell, Zebra and Datalogic scanners in "HID POS" mode send it: 64 bytes
 * with the report id first (hidraw and hidapi hand the id over with the report).
 *
 *   0       report id 0x02
 *   1       number of decoded data bytes in this report (0–56)
 *   2–4     AIM symbology identifier, "]" + code character + modifier
 *   5–60    decoded data, zero-padded
 *   61      vendor symbology id (Honeywell Code ID; other vendors: 0 or their own)
 *   62      reserved
 *   63      bit 0: more data follows (the code continues in the next report)
 *
 * Sources: Access-IS LSR116/ATR110 product manuals (appendix "HID reports"), which lay the report out
 * byte by byte with a two-report example; a report dump of a Honeywell Voyager 1602g in
 * github.com/HenkVanAsselt/python_hon_usbhid (byte 1 counts only the data bytes, the AIM identifier
 * is repeated in every chunk, byte 61 is the Code ID, byte 63 is 1 on all but the last chunk).
 * Zebra and Datalogic publish no byte layout we could find: we assume this one for them too (the
 * usage tables define the same fields); a report that does not fit it gives a plain error, not a code.
 */
export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;
export const HID_POS_REPORT_SIZE = 64;
export const HID_POS_DATA_PER_REPORT = 56;

const LENGTH_AT = 1;
const AIM_AT = 2;
const DATA_AT = 5;
const VENDOR_SYMBOLOGY_AT = 61;
const CONTINUATION_AT = 63;

export type HidPosReport = {
  /** "]E0"…; undefined when the scanner left the AIM bytes empty. */
  readonly aim?: string;
  readonly data: Uint8Array;
  readonly vendorSymbologyId: number;
  /** The code goes on in the next report. */
  readonly more: boolean;
};

export type HidPosReportResult =
  | { readonly ok: true; readonly report: HidPosReport }
  /** `other-report`: a report of another id (status, attributes): not a scan, nothing lost. */
  | { readonly ok: false; readonly reason: 'other-report' | 'truncated' | 'bad-length'; readonly message: string };

const AIM_PATTERN = /^\][A-Za-z][0-9A-Za-z]$/;

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

export function parseHidPosReport(bytes: Uint8Array): HidPosReportResult {
  if (bytes.length === 0) return { ok: false, reason: 'truncated', message: 'The scanner sent an empty report.' };
  const reportId = bytes[0]!;
  if (reportId !== SCANNED_DATA_REPORT_ID) {
    return { ok: false, reason: 'other-report', message: `Report ${hex(reportId)} is not scanned data.` };
  }
  if (bytes.length < HID_POS_REPORT_SIZE) {
    return {
      ok: false,
      reason: 'truncated',
      message: `The scanner sent a ${bytes.length}-byte report where HID POS uses ${HID_POS_REPORT_SIZE}: the scan was not understood, scan again.`,
    };
  }
  const length = bytes[LENGTH_AT]!;
  if (length > HID_POS_DATA_PER_REPORT) {
    return {
      ok: false,
      reason: 'bad-length',
      message: `The scanner announced ${length} bytes in a report that holds ${HID_POS_DATA_PER_REPORT}: the scan was not understood, scan again.`,
    };
  }
  const aimText = String.fromCharCode(bytes[AIM_AT]!, bytes[AIM_AT + 1]!, bytes[AIM_AT + 2]!);
  const report: HidPosReport = {
    data: bytes.slice(DATA_AT, DATA_AT + length),
    vendorSymbologyId: bytes[VENDOR_SYMBOLOGY_AT]!,
    more: (bytes[CONTINUATION_AT]! & 0x01) === 0x01,
  };
  return { ok: true, report: AIM_PATTERN.test(aimText) ? { aim: aimText, ...report } : report };
}

/** Builds a report in the same layout: for the fakes and tests (and to document the layout twice). */
export function encodeHidPosReport(chunk: { aim?: string; data: Uint8Array; more?: boolean; vendorSymbologyId?: number }): Uint8Array {
  if (chunk.data.length > HID_POS_DATA_PER_REPORT) throw new RangeError(`at most ${HID_POS_DATA_PER_REPORT} bytes per report`);
  const bytes = new Uint8Array(HID_POS_REPORT_SIZE);
  bytes[0] = SCANNED_DATA_REPORT_ID;
  bytes[LENGTH_AT] = chunk.data.length;
  const aim = chunk.aim ?? '';
  for (let i = 0; i < 3 && i < aim.length; i++) bytes[AIM_AT + i] = aim.charCodeAt(i) & 0xff;
  bytes.set(chunk.data, DATA_AT);
  bytes[VENDOR_SYMBOLOGY_AT] = chunk.vendorSymbologyId ?? 0;
  bytes[CONTINUATION_AT] = chunk.more ? 0x01 : 0x00;
  return bytes;
}

/** Splits a whole code into reports of at most 56 data bytes, "more" set on all but the last. */
export function encodeHidPosReports(code: Uint8Array, aim?: string, vendorSymbologyId?: number): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < code.length; at += HID_POS_DATA_PER_REPORT) {
    const data = code.slice(at, at + HID_POS_DATA_PER_REPORT);
    const more = at + HID_POS_DATA_PER_REPORT < code.length;
    reports.push(
      encodeHidPosReport({
        data,
        more,
        ...(aim === undefined ? {} : { aim }),
        ...(vendorSymbologyId === undefined ? {} : { vendorSymbologyId }),
      }),
    );
  }
  return reports;
}
