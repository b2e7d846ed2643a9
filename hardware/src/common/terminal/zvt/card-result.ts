import type { CardResult } from '@pos/core';
import { declinedOutcome, unknownOutcome, type AttemptRef } from '../card-outcome';
import { ZVT_TERMINAL } from './messages';
import type { StatusInformation } from './status-information';

/** Result codes (BMP 27, Abort data) most seen at a till; ZVT specification chapter "Error messages". */
const RESULT_CODES: Readonly<Record<number, string>> = {
  0x00: 'approved',
  0x05: 'declined by the card issuer',
  0x33: 'card expired',
  0x51: 'insufficient funds',
  0x55: 'wrong PIN',
  0x64: 'card not readable',
  0x65: 'card data not present',
  0x66: 'processing error',
  0x6a: 'turnover file full',
  0x6b: 'function deactivated (terminal not registered)',
  0x6c: 'cancelled at the terminal or timed out',
  0x6e: 'card blocked',
  0x6f: 'wrong currency',
  0x71: 'credit not sufficient',
  0x78: 'card expired',
  0x79: 'card not yet valid',
  0x7a: 'card unknown',
  0x7d: 'communication error',
  0x83: 'function not possible',
  0x9a: 'ZVT protocol error',
  0x9c: 'terminal busy, please wait',
  0xa0: 'receiver not ready',
  0xa1: 'remote station does not respond',
  0xa3: 'no connection to the card issuer',
  0xc3: 'maximum amount exceeded',
  0xc5: 'payment method not supported',
  0xc8: 'amount too small',
  0xff: 'system error',
};

export function resultCodeText(code: number): string {
  const known = RESULT_CODES[code];
  if (known) return known;
  // 01–63 are the card issuer's own answer codes, passed through.
  if (code >= 0x01 && code <= 0x63) return `declined by the card issuer (code ${code})`;
  return `result code 0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** ZVT card types (BMP 8A) a till sees most; the card name (BMP 8B) wins when present. */
const CARD_TYPES: Readonly<Record<number, string>> = {
  5: 'girocard',
  6: 'Mastercard',
  8: 'American Express',
  10: 'Visa',
  11: 'Visa Electron',
  12: 'Diners',
  13: 'V PAY',
  14: 'JCB',
  46: 'Maestro',
  196: 'Dankort',
  198: 'UnionPay',
  232: 'Discover',
};

/**
 * The outcome rests on the result code (BMP 27) and the amount (BMP 04) alone; the card fields only
 * decorate an approval. An approval is taken for the amount asked when the terminal sent none, but
 * not when the amount may sit in bytes that could not be read, nor when it is not BCD.
 */
export function statusInformationToResult(info: StatusInformation, ref: AttemptRef): CardResult {
  const tail = info.unreadTail ? ` (the rest could not be read: ${info.unreadTail})` : '';
  if (info.resultCode === undefined) return unknownOutcome(ref, ZVT_TERMINAL, `The terminal sent a status without a result code${tail}`);
  if (info.resultCode !== 0x00) return declinedOutcome(ref, ZVT_TERMINAL, `Card payment declined: ${resultCodeText(info.resultCode)}.`);
  if (info.amountUnreadable) return unknownOutcome(ref, ZVT_TERMINAL, 'The terminal approved an amount that is not BCD (BMP 04)');
  if (info.amount === undefined && info.unreadTail)
    return unknownOutcome(
      ref,
      ZVT_TERMINAL,
      `The terminal approved, but its amount may be in the part of its message that could not be read (${info.unreadTail})`,
    );
  const amount = info.amount ?? ref.amount;
  if (amount > ref.amount)
    return unknownOutcome(ref, ZVT_TERMINAL, `The terminal approved ${amount}, more than the ${ref.amount} asked for`);
  const scheme = info.cardName ?? (info.cardType !== undefined ? CARD_TYPES[info.cardType] : undefined);
  const notes = [
    amount < ref.amount ? `partial approval: ${amount} of ${ref.amount}` : '',
    info.receiptNumber ? `terminal receipt ${info.receiptNumber}` : '',
    info.traceNumber ? `trace ${info.traceNumber}` : '',
  ].filter(Boolean);
  return {
    attemptKey: ref.attemptKey,
    status: 'approved',
    amount,
    terminal: ZVT_TERMINAL,
    ...(info.authorisation ? { authorizationCode: info.authorisation } : {}),
    ...(info.maskedPan ? { maskedPan: info.maskedPan } : {}),
    ...(scheme ? { scheme } : {}),
    ...(notes.length > 0 ? { message: notes.join('; ') } : {}),
  };
}

/**
 * Abort (06 1E): the terminal ended the transaction without booking it. The command itself says
 * so; its result code only says why (Portalum.Zvt's tests read 06 1E 00, with none, as an abort).
 */
export function abortToResult(resultCode: number | undefined, ref: AttemptRef): CardResult {
  const why = resultCode === undefined ? 'the terminal gave no reason' : resultCodeText(resultCode);
  // 6C: cancelled on the terminal (or the customer never came); any other code is a refusal.
  return declinedOutcome(ref, ZVT_TERMINAL, `Card payment not done: ${why}.`, resultCode === 0x6c ? 'cancelled' : 'refused');
}
