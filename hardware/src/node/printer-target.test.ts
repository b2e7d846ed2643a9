import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrinterTransport, formatPrinterTarget, parsePrinterTarget, SERIAL_BAUD_RATES, type PrinterTarget } from './printer-target';

const target = (text: string) => {
  const parsed = parsePrinterTarget(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${parsed.error}`);
  return parsed.target;
};
const error = (text: string) => {
  const parsed = parsePrinterTarget(text);
  if (parsed.ok) throw new Error(`expected ${text} to be refused, got ${JSON.stringify(parsed.target)}`);
  return parsed.error;
};

describe('parsePrinterTarget accepts', () => {
  it.each<[string, PrinterTarget]>([
    ['tcp://192.168.1.50:9100', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['tcp://printer.local', { kind: 'tcp', host: 'printer.local', port: 9100 }],
    ['tcp://printer:9101/', { kind: 'tcp', host: 'printer', port: 9101 }],
    ['TCP://[fe80::1]:9100', { kind: 'tcp', host: 'fe80::1', port: 9100 }],
    ['192.168.1.50:9100', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['192.168.1.50', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['printer.shop.lan', { kind: 'tcp', host: 'printer.shop.lan', port: 9100 }],
    ['epson:9100', { kind: 'tcp', host: 'epson', port: 9100 }],
    ['  10.0.0.7:4000  ', { kind: 'tcp', host: '10.0.0.7', port: 4000 }],
    ['serial:/dev/ttyUSB0', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, rtscts: false }],
    ['serial:/dev/ttyUSB0?baud=19200&rtscts=1', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200, rtscts: true }],
    ['serial:/dev/ttyS0?rtscts=false&baud=115200', { kind: 'serial', path: '/dev/ttyS0', baudRate: 115200, rtscts: false }],
    ['serial:COM3?baud=38400', { kind: 'serial', path: 'COM3', baudRate: 38400, rtscts: false }],
    ['file:/dev/usb/lp0', { kind: 'file', path: '/dev/usb/lp0' }],
    ['file:///tmp/receipts.bin', { kind: 'file', path: '/tmp/receipts.bin' }],
    ['file:out/receipts.bin', { kind: 'file', path: 'out/receipts.bin' }],
    ['none', { kind: 'none' }],
    ['NONE', { kind: 'none' }],
  ])('%s', (text, expected) => {
    expect(target(text)).toEqual(expected);
  });
});

describe('parsePrinterTarget refuses, saying why', () => {
  it.each<[string, RegExp]>([
    ['', /No printer target given: use tcp:\/\/host:port/],
    ['   ', /No printer target given/],
    ['printer', /For a network printer write tcp:\/\/printer or printer:9100/],
    ['COM3', /tcp:\/\/COM3/],
    ['usb://epson', /Unknown kind of printer "usb"/],
    ['http://printer:80', /Unknown kind of printer "http"/],
    ['tcp:printer', /tcp:\/\/host:port, not "tcp:printer"/],
    ['tcp://', /has no host/],
    ['tcp://printer:0', /port "0" .* not a number from 1 to 65535/],
    ['tcp://printer:65536', /not a number from 1 to 65535/],
    ['tcp://printer:91OO', /port "91OO"/],
    ['printer:', /port "" /],
    ['tcp://printer/queue', /is not tcp:\/\/host:port/],
    ['tcp://999.1.1.1:9100', /"999.1.1.1" .* is not an IP address/],
    ['tcp://[::zz]:9100', /is not an IPv6 address/],
    ['tcp://bad_host:9100', /"bad_host" .* not a host name/],
    ['serial:', /names no serial port/],
    ['serial:?baud=9600', /names no serial port/],
    ['serial:/dev/ttyUSB0?baud=9601', /baud rate "9601" .* is not one of 1200, 2400/],
    ['serial:/dev/ttyUSB0?rtscts=maybe', /rtscts .* must be 1 or 0, not "maybe"/],
    ['serial:/dev/ttyUSB0?parity=even', /Unknown serial option "parity" .* baud and rtscts/],
    ['serial:/dev/ttyUSB0?baud=9600&baud=19200', /"baud" is given twice/],
    ['file:', /names no file/],
    ['file://server/share/x', /names a host/],
    ['tcp://printer\u0000:9100', /control characters/],
  ])('%j', (text, message) => {
    expect(error(text)).toMatch(message);
  });
});

describe('parsePrinterTarget, whatever it is given', () => {
  it('never throws, and an error is one printable line that quotes the input or shows the forms', () => {
    const inputs = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc
        .tuple(
          fc.constantFrom('tcp://', 'serial:', 'file:', 'none', '', '[', 'file://'),
          fc.string({ maxLength: 40 }),
          fc.constantFrom('', ':9100', '?baud=9600', '&rtscts=1', ']'),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(inputs, (text) => {
        const parsed = parsePrinterTarget(text);
        if (parsed.ok) return;
        expect(parsed.error.length).toBeGreaterThan(10);
        expect(parsed.error).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(parsed.error.length).toBeLessThan(400);
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });

  it('reads back what formatPrinterTarget writes', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const host = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc
        .array(label, { minLength: 2, maxLength: 4 })
        .map((l) => l.join('.'))
        // All-digit names such as 10.1 are refused on purpose: resolvers read them as short IPv4 forms.
        .filter((name) => !/^[\d.]+$/.test(name)),
    );
    const path = fc.stringMatching(/^\/[A-Za-z0-9_./-]{1,30}$/);
    const targets: fc.Arbitrary<PrinterTarget> = fc.oneof(
      fc.record({ kind: fc.constant('tcp' as const), host, port: fc.integer({ min: 1, max: 65535 }) }),
      fc.record({ kind: fc.constant('serial' as const), path, baudRate: fc.constantFrom(...SERIAL_BAUD_RATES), rtscts: fc.boolean() }),
      fc.record({ kind: fc.constant('file' as const), path }),
      fc.constant({ kind: 'none' as const }),
    );
    fc.assert(
      fc.property(targets, (t) => {
        expect(parsePrinterTarget(formatPrinterTarget(t))).toEqual({ ok: true, target: t });
      }),
      { numRuns: 500, seed: 20261122 },
    );
  });
});

describe('createPrinterTransport', () => {
  it('builds the transport for each kind, labelled with its canonical target', async () => {
    for (const text of ['tcp://127.0.0.1:9100', 'serial:/dev/ttyUSB0?baud=19200&rtscts=1', 'file:/tmp/x.bin', 'none']) {
      const transport = createPrinterTransport(target(text));
      expect(transport.target).toBe(text);
      await transport.close();
    }
  });

  it("'none' answers every receipt with no-printer", async () => {
    const transport = createPrinterTransport({ kind: 'none' });
    expect(await transport.write(Uint8Array.of(0x1b, 0x40))).toEqual({
      status: 'failed',
      reason: 'no-printer',
      message: expect.stringContaining('No receipt printer'),
    });
    expect((await transport.probe()).reachable).toBe(false);
  });
});
