import type { TerminalPrompt } from '@pos/core';

/**
 * ZVT intermediate status codes (04 FF, PA00P015 "intermediate status" table, as Portalum.Zvt and
 * kotlin-zvt-library list them) as the till's prompt codes. Several codes say the same thing to a
 * cashier ("please wait" is 0E and 17); none decides an outcome: only the Status information does.
 */
const PROMPTS: Readonly<Record<number, TerminalPrompt>> = {
  0x00: 'confirm-amount',
  0x01: 'watch-pin-pad',
  0x02: 'watch-pin-pad',
  0x03: 'card-not-accepted',
  0x04: 'waiting-bank',
  0x05: 'waiting-bank',
  0x06: 'waiting-bank',
  0x07: 'card-not-accepted',
  0x08: 'card-not-accepted',
  0x09: 'card-not-accepted',
  0x0a: 'insert-card',
  0x0b: 'remove-card',
  0x0c: 'card-not-readable',
  0x0d: 'terminal-error',
  0x0e: 'please-wait',
  0x0f: 'please-wait',
  0x10: 'card-not-accepted',
  0x12: 'terminal-error',
  0x13: 'card-not-accepted',
  0x14: 'card-not-accepted',
  0x15: 'pin-wrong',
  0x16: 'card-not-accepted',
  0x17: 'please-wait',
  0x18: 'pin-blocked',
  0x19: 'card-not-readable',
  0x1a: 'terminal-error',
  0x1b: 'approved',
  0x1c: 'approved',
  0x1d: 'card-not-accepted',
  0x28: 'select-application',
  0x29: 'select-application',
  0x2a: 'insert-card',
  0x2b: 'please-wait',
  0x2c: 'select-application',
  0x41: 'watch-pin-pad',
  0x4c: 'card-not-readable',
};

/** A code the table does not know, or none at all, still says the terminal is working. */
export function zvtPrompt(code: number | undefined): TerminalPrompt {
  return code === undefined ? 'working' : (PROMPTS[code] ?? 'working');
}
