import { parsePrinterTarget as parseTarget, SERIAL_BAUD_RATES, type PrinterTarget, type PrinterTargetProblem } from '@pos/core';
import type { PrinterTransport } from '../common/printer';
import { createFilePrinterTransport } from './file-printer-transport';
import { createNoPrinterTransport } from './no-printer-transport';
import { createSerialPrinterTransport } from './serial-printer-transport';
import { createTcpPrinterTransport, RAW_PRINT_PORT } from './tcp-printer-transport';

export { formatPrinterTarget, SERIAL_BAUD_RATES, type PrinterTarget } from '@pos/core';

export type ParsedPrinterTarget = { readonly ok: true; readonly target: PrinterTarget } | { readonly ok: false; readonly error: string };

const FORMS = 'tcp://host:port, host:port, serial:/dev/ttyUSB0?baud=19200&rtscts=1, file:/path or none';

/** The host's own words for a refused target, for its logs and config.json errors (the till translates the code). */
export function printerTargetProblemText({ code, text, part = '' }: PrinterTargetProblem): string {
  const whole = `"${text}"`;
  const piece = `"${part}"`;
  switch (code) {
    case 'empty':
      return `No printer target given: use ${FORMS}.`;
    case 'control-characters':
      return `The printer target ${whole} contains control characters.`;
    case 'tcp-form':
      return `Write a network printer as tcp://host:port, not ${whole}.`;
    case 'unknown-kind':
      return `Unknown kind of printer ${piece} in ${whole}: use ${FORMS}.`;
    case 'not-host-port':
      return /^tcp:/i.test(text) ? `${whole} is not tcp://host:port.` : `${whole} is not a printer target: use ${FORMS}.`;
    case 'no-host':
      return `The printer address ${whole} has no host.`;
    case 'bad-ipv6':
      return `${piece} in ${whole} is not an IPv6 address.`;
    case 'bad-ip':
      return `${piece} in ${whole} is not an IP address.`;
    case 'bad-host':
      return `${piece} in ${whole} is not a host name or IP address.`;
    case 'bare-word':
      return `${whole} is not a printer target. For a network printer write tcp://${part} or ${part}:${RAW_PRINT_PORT}; otherwise use ${FORMS}.`;
    case 'bad-port':
      return `The port ${piece} in ${whole} is not a number from 1 to 65535.`;
    case 'no-serial-port':
      return `${whole} names no serial port: write serial:/dev/ttyUSB0.`;
    case 'serial-option-twice':
      return `The serial option ${piece} is given twice in ${whole}.`;
    case 'bad-baud':
      return `The baud rate ${piece} in ${whole} is not one of ${SERIAL_BAUD_RATES.join(', ')}.`;
    case 'bad-rtscts':
      return `rtscts in ${whole} must be 1 or 0, not ${piece}.`;
    case 'unknown-serial-option':
      return `Unknown serial option ${piece} in ${whole}: the options are baud and rtscts.`;
    case 'file-host':
      return `${whole} names a host: write file:/path.`;
    case 'no-file':
      return `${whole} names no file: write file:/path/to/receipts.bin.`;
  }
}

/** Reads a printer target (core's reading), a refusal in words a person can act on. Never throws. */
export function parsePrinterTarget(text: string): ParsedPrinterTarget {
  const parsed = parseTarget(text);
  return parsed.ok ? parsed : { ok: false, error: printerTargetProblemText(parsed.problem) };
}

export type PrinterTransportTimeouts = {
  /** Opening the connection or port. */
  readonly connectTimeoutMs?: number;
  /** Handing over one receipt. */
  readonly writeTimeoutMs?: number;
};

export function createPrinterTransport(target: PrinterTarget, timeouts: PrinterTransportTimeouts = {}): PrinterTransport {
  const { connectTimeoutMs, writeTimeoutMs } = timeouts;
  switch (target.kind) {
    case 'tcp':
      return createTcpPrinterTransport({ host: target.host, port: target.port, connectTimeoutMs, writeTimeoutMs });
    case 'serial':
      return createSerialPrinterTransport({
        path: target.path,
        baudRate: target.baudRate,
        rtscts: target.rtscts,
        openTimeoutMs: connectTimeoutMs,
        writeTimeoutMs,
      });
    case 'file':
      return createFilePrinterTransport({ path: target.path, timeoutMs: writeTimeoutMs });
    case 'none':
      return createNoPrinterTransport();
  }
}
