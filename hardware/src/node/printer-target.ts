import { isIP, isIPv4, isIPv6 } from 'node:net';
import type { PrinterTransport } from '../common/printer';
import { createFilePrinterTransport } from './file-printer-transport';
import { createNoPrinterTransport } from './no-printer-transport';
import { createSerialPrinterTransport } from './serial-printer-transport';
import { createTcpPrinterTransport, RAW_PRINT_PORT } from './tcp-printer-transport';

/** Where a till's receipts go, as written in its configuration. */
export type PrinterTarget =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'serial'; readonly path: string; readonly baudRate: number; readonly rtscts: boolean }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'none' };

export type ParsedPrinterTarget = { readonly ok: true; readonly target: PrinterTarget } | { readonly ok: false; readonly error: string };

export const SERIAL_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const;
const DEFAULT_BAUD_RATE = 9600;

const FORMS = 'tcp://host:port, host:port, serial:/dev/ttyUSB0?baud=19200&rtscts=1, file:/path or none';

/** The input as it goes into a message: quoted, control characters escaped, long input shortened. */
function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(short).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const fail = (error: string): ParsedPrinterTarget => ({ ok: false, error });
const ok = (target: PrinterTarget): ParsedPrinterTarget => ({ ok: true, target });

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
// Control characters (C0, DEL, C1) never belong in a path or host.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Reads a printer target. Never throws: anything it does not understand comes back as an error
 * a person can act on. A bare word ("printer", "COM3") is refused rather than taken for a host
 * name, since it is more often a typo than a printer on the network: write tcp://printer.
 */
export function parsePrinterTarget(text: string): ParsedPrinterTarget {
  if (typeof text !== 'string') return fail(`A printer target must be text: ${FORMS}.`);
  const t = text.trim();
  if (t === '') return fail(`No printer target given: use ${FORMS}.`);
  if (CONTROL.test(t)) return fail(`The printer target ${quote(t)} contains control characters.`);
  if (t.toLowerCase() === 'none') return ok({ kind: 'none' });
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t)?.[1]?.toLowerCase();
  if (scheme === 'tcp') {
    if (!t.slice(4).startsWith('//')) return fail(`Write a network printer as tcp://host:port, not ${quote(t)}.`);
    return parseHostPort(t.slice(6), t, true);
  }
  if (scheme === 'serial') return parseSerial(t.slice(7), t);
  if (scheme === 'file') return parseFile(t.slice(5), t);
  // "host:9100" also matches the scheme pattern; a scheme is only a scheme when "//" follows it.
  if (scheme && /^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return fail(`Unknown kind of printer "${scheme}" in ${quote(t)}: use ${FORMS}.`);
  return parseHostPort(t, t, false);
}

function parseHostPort(rest: string, whole: string, explicit: boolean): ParsedPrinterTarget {
  const hostPort = rest.endsWith('/') ? rest.slice(0, -1) : rest;
  const match = /^(?:\[([^\]]*)\]|([^:/?#[\]@\s]*))(?::([^:]*))?$/.exec(hostPort);
  if (!match) {
    return fail(explicit ? `${quote(whole)} is not tcp://host:port.` : `${quote(whole)} is not a printer target: use ${FORMS}.`);
  }
  const [, v6, name, portText] = match;
  const host = v6 ?? name ?? '';
  if (host === '') return fail(`The printer address ${quote(whole)} has no host.`);
  if (v6 !== undefined && !isIPv6(v6)) return fail(`${quote(v6)} in ${quote(whole)} is not an IPv6 address.`);
  if (v6 === undefined) {
    if (/^[\d.]+$/.test(host) && !isIPv4(host)) return fail(`${quote(host)} in ${quote(whole)} is not an IP address.`);
    if (!isIPv4(host) && !HOSTNAME.test(host)) return fail(`${quote(host)} in ${quote(whole)} is not a host name or IP address.`);
  }
  if (!explicit && portText === undefined && !isIP(host) && !host.includes('.')) {
    return fail(
      `${quote(whole)} is not a printer target. For a network printer write tcp://${host} or ${host}:${RAW_PRINT_PORT}; otherwise use ${FORMS}.`,
    );
  }
  let port = RAW_PRINT_PORT;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      return fail(`The port ${quote(portText)} in ${quote(whole)} is not a number from 1 to 65535.`);
    }
    port = Number(portText);
  }
  return ok({ kind: 'tcp', host, port });
}

function parseSerial(rest: string, whole: string): ParsedPrinterTarget {
  const question = rest.indexOf('?');
  const path = question === -1 ? rest : rest.slice(0, question);
  const query = question === -1 ? '' : rest.slice(question + 1);
  if (path.trim() === '') return fail(`${quote(whole)} names no serial port: write serial:/dev/ttyUSB0.`);
  let baudRate: number = DEFAULT_BAUD_RATE;
  let rtscts = false;
  const seen = new Set<string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).toLowerCase();
    const value = eq === -1 ? '' : part.slice(eq + 1);
    if (seen.has(key)) return fail(`The serial option ${quote(key)} is given twice in ${quote(whole)}.`);
    seen.add(key);
    if (key === 'baud') {
      const rate = SERIAL_BAUD_RATES.find((r) => String(r) === value);
      if (rate === undefined)
        return fail(`The baud rate ${quote(value)} in ${quote(whole)} is not one of ${SERIAL_BAUD_RATES.join(', ')}.`);
      baudRate = rate;
    } else if (key === 'rtscts') {
      const flag = parseFlag(value);
      if (flag === undefined) return fail(`rtscts in ${quote(whole)} must be 1 or 0, not ${quote(value)}.`);
      rtscts = flag;
    } else {
      return fail(`Unknown serial option ${quote(key)} in ${quote(whole)}: the options are baud and rtscts.`);
    }
  }
  return ok({ kind: 'serial', path, baudRate, rtscts });
}

function parseFlag(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return undefined;
}

function parseFile(rest: string, whole: string): ParsedPrinterTarget {
  let path = rest;
  if (path.startsWith('//')) {
    // file:///tmp/x is file:/tmp/x; file://server/x would need a network share, which we do not do.
    if (!path.startsWith('///')) return fail(`${quote(whole)} names a host: write file:/path.`);
    path = path.slice(2);
  }
  if (path.trim() === '') return fail(`${quote(whole)} names no file: write file:/path/to/receipts.bin.`);
  return ok({ kind: 'file', path });
}

/** The canonical text of a target: parsePrinterTarget reads it back to the same target. */
export function formatPrinterTarget(target: PrinterTarget): string {
  switch (target.kind) {
    case 'tcp':
      return `tcp://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
    case 'serial':
      return `serial:${target.path}?baud=${target.baudRate}&rtscts=${target.rtscts ? 1 : 0}`;
    case 'file':
      // A path starting with "//" would read as a host: write it in the file:/// form.
      return `file:${target.path.startsWith('//') ? `//${target.path}` : target.path}`;
    case 'none':
      return 'none';
  }
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
