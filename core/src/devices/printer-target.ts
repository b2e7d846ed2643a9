/**
 * Where a till's receipts go, as written in its configuration, read without Node or the DOM:
 * the host checks it before it saves the Devices screen's settings, and the screen checks it
 * as the manager types, with the same answer. A refusal is a code (translated where it is
 * shown) and the values it names.
 */
export type PrinterTarget =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'serial'; readonly path: string; readonly baudRate: number; readonly rtscts: boolean }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'none' };

export const PRINTER_TARGET_PROBLEMS = [
  'empty',
  'control-characters',
  'tcp-form',
  'unknown-kind',
  'not-host-port',
  'no-host',
  'bad-ipv6',
  'bad-ip',
  'bad-host',
  'bare-word',
  'bad-port',
  'no-serial-port',
  'serial-option-twice',
  'bad-baud',
  'bad-rtscts',
  'unknown-serial-option',
  'file-host',
  'no-file',
] as const;
export type PrinterTargetProblemCode = (typeof PRINTER_TARGET_PROBLEMS)[number];

/** `text`: the whole target, shortened; `part`: the piece at fault (a port, a host, an option). */
export type PrinterTargetProblem = { readonly code: PrinterTargetProblemCode; readonly text: string; readonly part?: string };

export type ParsedPrinterTarget =
  { readonly ok: true; readonly target: PrinterTarget } | { readonly ok: false; readonly problem: PrinterTargetProblem };

export const SERIAL_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const;
/** The port ESC/POS network printers listen on ("raw" or "JetDirect" printing). */
const RAW_PRINT_PORT = 9100;
const DEFAULT_BAUD_RATE = 9600;

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
// Control characters (C0, DEL, C1) never belong in a path or host.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** RFC 4291 text forms: eight groups, one "::" for a run of zeros, an IPv4 tail. */
export function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const parts = halves.flatMap(groups);
  const last = parts[parts.length - 1];
  const tail = last !== undefined && last.includes('.') ? (isIpv4(last) ? 2 : -1) : 0;
  if (tail < 0) return false;
  const hex = tail ? parts.slice(0, -1) : parts;
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hex.length + tail;
  return halves.length === 2 ? count < 8 : count === 8;
}

/** The input as a message quotes it: long input shortened, control characters shown as escapes. */
function shown(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return short.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const fail = (code: PrinterTargetProblemCode, text: string, part?: string): ParsedPrinterTarget => ({
  ok: false,
  problem: { code, text: shown(text), ...(part !== undefined ? { part: shown(part) } : {}) },
});
const ok = (target: PrinterTarget): ParsedPrinterTarget => ({ ok: true, target });

/**
 * Reads a printer target. Never throws. A bare word ("printer", "COM3") is refused rather than
 * taken for a host name, since it is more often a typo than a printer on the network.
 */
export function parsePrinterTarget(text: string): ParsedPrinterTarget {
  if (typeof text !== 'string') return fail('empty', '');
  const t = text.trim();
  if (t === '') return fail('empty', t);
  if (CONTROL.test(t)) return fail('control-characters', t);
  if (t.toLowerCase() === 'none') return ok({ kind: 'none' });
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t)?.[1]?.toLowerCase();
  if (scheme === 'tcp') {
    if (!t.slice(4).startsWith('//')) return fail('tcp-form', t);
    return parseHostPort(t.slice(6), t, true);
  }
  if (scheme === 'serial') return parseSerial(t.slice(7), t);
  if (scheme === 'file') return parseFile(t.slice(5), t);
  // "host:9100" also matches the scheme pattern; a scheme is only a scheme when "//" follows it.
  if (scheme && /^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return fail('unknown-kind', t, scheme);
  return parseHostPort(t, t, false);
}

function parseHostPort(rest: string, whole: string, explicit: boolean): ParsedPrinterTarget {
  const hostPort = rest.endsWith('/') ? rest.slice(0, -1) : rest;
  const match = /^(?:\[([^\]]*)\]|([^:/?#[\]@\s]*))(?::([^:]*))?$/.exec(hostPort);
  if (!match) return fail('not-host-port', whole);
  const [, v6, name, portText] = match;
  const host = v6 ?? name ?? '';
  if (host === '') return fail('no-host', whole);
  if (v6 !== undefined && !isIpv6(v6)) return fail('bad-ipv6', whole, v6);
  if (v6 === undefined) {
    if (/^[\d.]+$/.test(host) && !isIpv4(host)) return fail('bad-ip', whole, host);
    if (!isIpv4(host) && !HOSTNAME.test(host)) return fail('bad-host', whole, host);
    if (!explicit && portText === undefined && !host.includes('.')) return fail('bare-word', whole, host);
  }
  let port = RAW_PRINT_PORT;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return fail('bad-port', whole, portText);
    port = Number(portText);
  }
  return ok({ kind: 'tcp', host, port });
}

function parseSerial(rest: string, whole: string): ParsedPrinterTarget {
  const question = rest.indexOf('?');
  const path = question === -1 ? rest : rest.slice(0, question);
  const query = question === -1 ? '' : rest.slice(question + 1);
  if (path.trim() === '') return fail('no-serial-port', whole);
  let baudRate: number = DEFAULT_BAUD_RATE;
  let rtscts = false;
  const seen = new Set<string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).toLowerCase();
    const value = eq === -1 ? '' : part.slice(eq + 1);
    if (seen.has(key)) return fail('serial-option-twice', whole, key);
    seen.add(key);
    if (key === 'baud') {
      const rate = SERIAL_BAUD_RATES.find((r) => String(r) === value);
      if (rate === undefined) return fail('bad-baud', whole, value);
      baudRate = rate;
    } else if (key === 'rtscts') {
      const flag = parseFlag(value);
      if (flag === undefined) return fail('bad-rtscts', whole, value);
      rtscts = flag;
    } else return fail('unknown-serial-option', whole, key);
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
    if (!path.startsWith('///')) return fail('file-host', whole);
    path = path.slice(2);
  }
  if (path.trim() === '') return fail('no-file', whole);
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
