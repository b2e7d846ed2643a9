export type { CardPaymentRequest, CardPromptEvent, CardTerminal, CardTerminalDriver, CardTerminalEvents } from './card-terminal';
export { encodeReceipt } from './encode-receipt';
export type { PrinterProfile, PrinterTransport } from './printer';
export {
  DEFAULT_PRINTER_PROFILE_ID,
  ESC_POS_58,
  ESC_POS_80,
  ESC_POS_80_48,
  PRINTER_PROFILES,
  STAR_PRNT_80,
  findPrinterProfile,
} from './printer-profiles';
export { TypedEvents, type DeviceState, type DeviceStatus, type Driver, type DriverEvents, type Listener } from './device';
export { decodeScanBytes } from './scanner/decode-scan-bytes';
export type { HidDeviceInfo, HidEnumerator, HidInputDevice, HidOpener } from './scanner/hid-device-port';
export { DEFAULT_MAX_CODE_BYTES, HidPosReassembler, type ReassembledScan, type ReassemblyStep } from './scanner/hid-pos-reassembler';
export {
  encodeHidPosReport,
  encodeHidPosReports,
  HID_POS_DATA_PER_REPORT,
  HID_POS_REPORT_SIZE,
  HID_POS_USAGE_PAGE,
  parseHidPosReport,
  SCANNED_DATA_REPORT_ID,
  type HidPosReport,
  type HidPosReportResult,
} from './scanner/hid-pos-report';
export {
  DATALOGIC,
  findScannerProfile,
  formatUsbId,
  GENERIC_HID_POS,
  HONEYWELL,
  isHidPosInterface,
  SCANNER_PROFILES,
  ZEBRA,
  type ScannerProfile,
} from './scanner/scanner-profiles';
export type { ScanData, ScannerDriver, ScannerEvents, ScannerMode } from './scanner/scanner-types';
export { SerialScanFramer, type ScanSuffix, type SerialFrame, type SerialFramerOptions } from './scanner/serial-scan-framer';
export {
  encodeCd5220Brightness,
  encodeCd5220Clear,
  encodeCd5220Init,
  encodeCd5220Lines,
  CD5220_COLUMNS,
  CD5220_ROWS,
  type Cd5220Brightness,
} from './pole-display/cd5220';
export {
  changeScreen,
  DISPLAY_COLUMNS,
  displayLines,
  formatDisplayAmount,
  idleScreen,
  itemScreen,
  thanksScreen,
  totalScreen,
  transliterate as transliterateForDisplay,
  type DisplayLines,
  type DisplayLocale,
  type DisplayMoney,
} from './pole-display/display-text';
export { Mettler8217FrameReader, type Mettler8217FrameEvent } from './scale/frame-reader';
export {
  decodeStatusByte,
  encodeScaleCommand,
  encodeStatusByte,
  encodeStatusReply,
  encodeWeightReply,
  METTLER_8217_SERIAL,
  parseMettler8217Frame,
  type Mettler8217Reply,
  type ScaleCommand,
  type ScaleStatus,
} from './scale/mettler-8217';
export { weighedAmount } from './scale/weighed-amount';
export {
  commandOutcome,
  parseWeightReply,
  readingFromReply,
  SCALE_MESSAGES,
  type ScaleCommandOutcome,
  type WeightReading,
} from './scale/weight-reading';
// Concert E+ card terminal codecs, under Concert names: other serial devices have their own frames.
export {
  encodeFrame as encodeConcertFrame,
  lrc as concertLrc,
  parseFrame as parseConcertFrame,
  type FrameResult as ConcertFrameResult,
} from './terminal/concert/frame';
export { FrameReader as ConcertFrameReader, type LineEvent as ConcertLineEvent } from './terminal/concert/frame-reader';
export {
  encodeAnswer as encodeConcertAnswer,
  encodeRequest as encodeConcertRequest,
  parseAnswer as parseConcertAnswer,
  parseRequest as parseConcertRequest,
  privateDataFor as concertPrivateDataFor,
  type ConcertAnswer,
  type ConcertRequest,
  type ConcertTransaction,
} from './terminal/concert/messages';
export { CONCERT_TERMINAL, answerToCardResult as concertAnswerToCardResult } from './terminal/concert/card-result';
export type { DrawerWiring } from './printer';
export type { ReceiptExtras } from './encode-receipt';
export { conditionsOf, mergeSensors, printerStateOf, type PrinterSensors, type StatusParse } from './printer/printer-sensors';
export { isAsbFirstByte, isDleEotReplyByte, parseAsb, parseDleEotReply, type DleEotRequest } from './printer/esc-pos-status';
export { createEscPosReplyReader, type EscPosReply, type EscPosReplyReader } from './printer/esc-pos-reply-reader';
export { parseStarAsb, starAsbLength } from './printer/star-status';
export { createStarReplyReader, type StarReply, type StarReplyReader } from './printer/star-reply-reader';
export {
  dleEot,
  enableAsb,
  isProcessId,
  processIdFor,
  processIdRequest,
  STAR_STATUS_REQUEST,
  statusRequestBytes,
  trailingProcessId,
} from './printer/esc-pos-commands';
export { buildDrawerKickJob, buildPrintJob, drawerKickCommand, type PrintJob, type PrintJobOptions } from './printer/print-job';
export { BUILT_IN_LOGO, type MonochromeImage } from './printer/monochrome-image';
export { declinedOutcome, MAY_HAVE_BEEN_CHARGED, unknownOutcome, type AttemptRef } from './terminal/card-outcome';
export { numericCurrencyCode } from './terminal/currency-code';
export { CaisseApFrameReader } from './terminal/caisse-ap/frame-reader';
export {
  CAISSE_AP_DEFAULT_PORT,
  CAISSE_AP_PROTOCOL_VERSION,
  CAISSE_AP_TERMINAL,
  caisseApReplyToResult,
  encodeCaisseApReply,
  encodeCaisseApRequest,
  readCaisseApRequest,
  type CaisseApRequest,
} from './terminal/caisse-ap/messages';
export { encodeTlv, parseTlv, type TlvField } from './terminal/caisse-ap/tlv';
export { ApduReader, encodeApdu, parseApdu, type Apdu } from './terminal/zvt/apdu';
export { abortToResult, statusInformationToResult } from './terminal/zvt/card-result';
export {
  decodeEcrCommand,
  decodeTerminalMessage,
  encodeAuthorisation,
  encodeRefund,
  encodeRegistration,
  ZVT_DEFAULT_PORT,
  ZVT_TERMINAL,
  type TerminalMessage,
} from './terminal/zvt/messages';
export type { StatusInformation } from './terminal/zvt/status-information';
export { encodeTestPage } from './printer/test-page';
