export type { CardPaymentRequest, CardTerminal, CardTerminalDriver, CardTerminalEvents } from './card-terminal';
export { encodeReceipt } from './encode-receipt';
export type { PrinterProfile, PrinterTransport } from './printer';
export { DEFAULT_PRINTER_PROFILE_ID, ESC_POS_58, ESC_POS_80, ESC_POS_80_48, PRINTER_PROFILES, STAR_PRNT_80, findPrinterProfile } from './printer-profiles';
export { TypedEvents, type DeviceState, type DeviceStatus, type Driver, type DriverEvents, type Listener } from './device';
