import { TERMINAL_PROMPTS } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { zvtPrompt } from './intermediate-status';

describe('zvtPrompt', () => {
  it('reads what the terminal asks of the customer', () => {
    expect(zvtPrompt(0x0a)).toBe('insert-card');
    expect(zvtPrompt(0x01)).toBe('watch-pin-pad');
    expect(zvtPrompt(0x04)).toBe('waiting-bank');
    expect(zvtPrompt(0x0e)).toBe('please-wait');
    expect(zvtPrompt(0x15)).toBe('pin-wrong');
    expect(zvtPrompt(0x0b)).toBe('remove-card');
  });

  it('says "working" for a code it does not know, or none', () => {
    expect(zvtPrompt(undefined)).toBe('working');
    expect(zvtPrompt(0xee)).toBe('working');
  });

  it('gives only prompts the till translates', () => {
    for (let code = 0; code <= 0xff; code++) expect(TERMINAL_PROMPTS).toContain(zvtPrompt(code));
  });
});
