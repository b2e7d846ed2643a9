export { createFilePrinterTransport, type FilePrinterOptions } from './file-printer-transport';
export { createNoPrinterTransport } from './no-printer-transport';
export {
  createPrinterTransport,
  formatPrinterTarget,
  parsePrinterTarget,
  printerTargetProblemText,
  SERIAL_BAUD_RATES,
  type ParsedPrinterTarget,
  type PrinterTarget,
  type PrinterTransportTimeouts,
} from './printer-target';
export { createSerialPrinterTransport, type SerialPortLike, type SerialPrinterOptions } from './serial-printer-transport';
export { createTcpPrinterTransport, RAW_PRINT_PORT, type TcpPrinterOptions } from './tcp-printer-transport';
export { createHidPosScanner, type HidPosScanner, type HidPosScannerOptions } from './scanner/hid-pos-scanner';
export { UDEV_RULE_PATH } from './scanner/hid-scanner-messages';
export { listHidScanners, type HidScannerListing } from './scanner/list-hid-scanners';
export { enumerateNodeHid, openNodeHid } from './scanner/node-hid-port';
export { createSerialScanner, type ScannerPortLike, type SerialScannerOptions } from './scanner/serial-scanner';
export {
  createSerialPoleDisplay,
  type PoleDisplayEvents,
  type PoleDisplayResult,
  type SerialPoleDisplay,
  type SerialPoleDisplayOptions,
} from './pole-display/serial-pole-display';
export { createSerialScale, type ScaleEvents, type SerialScale, type SerialScaleOptions } from './scale/serial-scale';
export type { SerialSettings } from './serial-line';
export { createConcertTerminal, type ConcertTerminalOptions } from './terminal/concert/concert-terminal';
export { createConfirmingTcpPrinter, type ConfirmingTcpPrinter, type ConfirmingTcpPrinterOptions } from './confirming-tcp-printer';
export {
  createPrinterStatusMonitor,
  type PrinterStatusMonitor,
  type PrinterStatusMonitorEvents,
  type PrinterStatusMonitorOptions,
} from './printer-status-monitor';
export type { PrinterStatusSource, StatusReading } from './printer-status-source';
export { createCaisseApTerminal, type CaisseApTerminalOptions } from './terminal/caisse-ap/caisse-ap-terminal';
export { createZvtTerminal, type ZvtTerminalOptions } from './terminal/zvt/zvt-terminal';
export type { TcpCardTerminal } from './terminal/tcp-card-terminal';
export { listSerialPorts, type SerialPortListing } from './list-serial-ports';
