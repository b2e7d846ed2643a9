import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dleEot, enableAsb, isProcessId, processIdFor, processIdRequest, statusRequestBytes, trailingProcessId } from './esc-pos-commands';

describe('ESC/POS requests', () => {
  it('DLE EOT n is 10 04 n; the status query asks 1, 2, 3 and 4 in order', () => {
    expect([...dleEot(1)]).toEqual([0x10, 0x04, 0x01]);
    expect([...statusRequestBytes()]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
  });

  it('GS a 0x0F turns on drawer, online, error and paper statuses', () => {
    expect([...enableAsb()]).toEqual([0x1d, 0x61, 0x0f]);
    expect([...enableAsb(0)]).toEqual([0x1d, 0x61, 0x00]);
  });

  it('GS ( H fn 48 is 1D 28 48 06 00 30 30 d1 d2 d3 d4', () => {
    expect([...processIdRequest('0042')]).toEqual([0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x30, 0x30, 0x34, 0x32]);
  });

  it('accepts IDs of four characters 0x20–0x7E only', () => {
    expect(isProcessId(' ~09')).toBe(true);
    for (const bad of ['', '123', '12345', '12\u007f4', '12\u00004', 'é123']) {
      expect(isProcessId(bad)).toBe(false);
      expect(() => processIdRequest(bad)).toThrow(RangeError);
    }
  });

  it('numbers jobs "0000" to "9999", always valid', () => {
    expect(processIdFor(1)).toBe('0001');
    expect(processIdFor(10_042)).toBe('0042');
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(isProcessId(processIdFor(n)) && /^\d{4}$/.test(processIdFor(n))).toBe(true);
      }),
    );
  });

  it('finds the ID of the request that ends a job, and nothing otherwise', () => {
    const job = Uint8Array.from([0x1b, 0x40, 0x41, ...processIdRequest('0007')]);
    expect(trailingProcessId(job)).toBe('0007');
    expect(trailingProcessId(job.subarray(0, -1))).toBeUndefined();
    expect(trailingProcessId(Uint8Array.of(0x1b, 0x40))).toBeUndefined();
  });
});
