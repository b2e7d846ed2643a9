import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HidPosReassembler } from './hid-pos-reassembler';
import type { HidPosReport } from './hid-pos-report';

const chunk = (data: string, more: boolean, aim = ']Q1'): HidPosReport => ({
  aim,
  data: Uint8Array.from(data, (c) => c.charCodeAt(0)),
  vendorSymbologyId: 0x73,
  more,
});
const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('HidPosReassembler', () => {
  it('passes a single report through whole', () => {
    const step = new HidPosReassembler().push(chunk('ABC', false), 0);
    expect(step.type).toBe('complete');
    if (step.type === 'complete') expect(step.scan).toMatchObject({ aim: ']Q1', vendorSymbologyId: 0x73 });
  });

  it('joins chunks in order and starts afresh for the next code', () => {
    const r = new HidPosReassembler();
    expect(r.push(chunk('https://exa', true), 0)).toEqual({ type: 'partial' });
    expect(r.pending).toBe(true);
    expect(r.push(chunk('mple.org/', true), 1)).toEqual({ type: 'partial' });
    const done = r.push(chunk('x', false), 2);
    expect(done.type === 'complete' && text(done.scan.bytes)).toBe('https://example.org/x');
    expect(r.pending).toBe(false);
    const next = r.push(chunk('Y', false, ']E0'), 3);
    expect(next.type === 'complete' && [text(next.scan.bytes), next.scan.aim]).toEqual(['Y', ']E0']);
  });

  it('drops a code whose last chunk is overdue, counting from the latest chunk', () => {
    const r = new HidPosReassembler();
    r.push(chunk('AB', true), 1000);
    r.push(chunk('CD', true), 1800);
    expect(r.expire(2500, 1000)).toBe(false);
    expect(r.expire(2800, 1000)).toBe(true);
    expect(r.pending).toBe(false);
    expect(r.expire(9999, 1000)).toBe(false);
  });

  it('refuses a code longer than the limit (a stuck "more" bit) instead of growing without end', () => {
    const r = new HidPosReassembler(100);
    r.push(chunk('x'.repeat(56), true), 0);
    const step = r.push(chunk('x'.repeat(56), true), 0);
    expect(step).toMatchObject({ type: 'error', message: expect.stringContaining('longer than 100 bytes') });
    expect(r.pending).toBe(false);
  });

  it('never throws and never completes more codes than final chunks (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ data: fc.string({ maxLength: 56 }), more: fc.boolean() }), { maxLength: 30 }), (chunks) => {
        const r = new HidPosReassembler(300);
        const steps = chunks.map((c, i) => r.push(chunk(c.data, c.more), i));
        const finals = chunks.filter((c) => !c.more).length;
        expect(steps.filter((s) => s.type === 'complete').length).toBeLessThanOrEqual(finals);
      }),
    );
  });
});
