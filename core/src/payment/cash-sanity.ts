import { banknotesOf } from './banknotes';

/**
 * Why an amount received in cash deserves a second look before it is sealed:
 * - change-above-largest-note: the change would be at least the largest note in circulation, so
 *   the customer handed over at least one whole note more than needed — what a slip of the keypad
 *   looks like (10000 typed for 100, 379 for 3,79);
 * - far-above-due: more than FAR_MULTIPLE times what is due, in an amount that is not a single
 *   note (one note is how a customer with nothing smaller pays: a 50 € note for a coffee is normal).
 */
export type CashCheck = {
  readonly reason: 'change-above-largest-note' | 'far-above-due';
  readonly change: number;
};

/**
 * Ten times the due: a customer adding coins to get round change stays well below it (20,79 € on
 * 3,79 €), a forgotten decimal separator (150 for 1,50 €) is a hundred times it.
 */
export const FAR_MULTIPLE = 10;

/**
 * Null when the amount looks like one a customer hands over; otherwise why to ask the cashier.
 * Change smaller than the smallest note is never asked about: a slip of a few coins costs less
 * than the question. Amounts are in minor units; `cashDue` is what is left to pay in cash.
 */
export function checkCashReceived(received: number, cashDue: number, currency: string): CashCheck | null {
  const change = received - cashDue;
  if (cashDue <= 0 || change <= 0) return null;
  const notes = banknotesOf(currency);
  const largest = notes.at(-1);
  if (largest !== undefined && change >= largest) return { reason: 'change-above-largest-note', change };
  const smallest = notes[0] ?? 0;
  if (change < smallest || notes.includes(received)) return null;
  return received > FAR_MULTIPLE * cashDue ? { reason: 'far-above-due', change } : null;
}
