export { createFilePrinterTransport, type FilePrinterOptions } from './file-printer-transport';
export { createNoPrinterTransport } from './no-printer-transport';
export {
  createPrinterTransport,
  formatPrinterTarget,
  parsePrinterTarget,
  SERIAL_BAUD_RATES,
  type ParsedPrinterTarget,
  type PrinterTarget,
  type PrinterTransportTimeouts,
} from './printer-target';
export { createSerialPrinterTransport, type SerialPortLike, type SerialPrinterOptions } from './serial-printer-transport';
export { createTcpPrinterTransport, RAW_PRINT_PORT, type TcpPrinterOptions } from './tcp-printer-transport';
