/**
 * HID report replays for the HID POS driver tests: the fake HID bus (enumerator + opener over
 * devices in memory) and the constructed Scanned Data Reports, handed to tests in node/.
 */
export { createFakeHidBus, FakeHidDevice, replayScan, type FakeHidBus } from '../fake/scanner/fake-hid-bus';
export {
  HONEYWELL_EAN13,
  HONEYWELL_GS1_DATAMATRIX,
  hexToBytes,
  RECORDED_SCANS,
  ZEBRA_GS1_128,
  type RecordedScan,
} from '../fake/scanner/recorded-reports';
