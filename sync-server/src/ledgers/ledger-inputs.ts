import { LEDGER_INSTANT } from '@pos/core/ledger/add-months';
import { invalidLedgerRequest } from './ledger-errors';

/** The longest a reservation may be held: a sale under way, never a parked basket for days. */
export const MAX_RESERVATION_MS = 24 * 60 * 60 * 1000;

/**
 * Ids a request names (customer, program, card, sale, return, reservation, till, staff): 1 to 64
 * letters, digits, ".", "_" or "-". No ":", which the ledgers' own entry ids use
 * (`redeem:<saleId>`), so a reservation id can never be taken for another entry's.
 */
const ID = /^[A-Za-z0-9._-]{1,64}$/;

const isInstant = (value: unknown): boolean => typeof value === 'string' && LEDGER_INSTANT.test(value) && !Number.isNaN(Date.parse(value));

const RULES = {
  id: { test: (v: unknown) => typeof v === 'string' && ID.test(v), says: 'must be 1 to 64 letters, digits, ".", "_" or "-"' },
  instant: { test: isInstant, says: 'must be a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ' },
  currency: {
    test: (v: unknown) => typeof v === 'string' && /^[A-Z]{3}$/.test(v),
    says: 'must be a currency code of three capital letters',
  },
} as const;

type Rule = keyof typeof RULES;
type Fields = Partial<Record<Rule | `optional${Capitalize<Rule>}`, readonly string[]>>;

/**
 * Checks the fields of one request, each by its rule (`optionalX`: absent is fine), and refuses
 * every problem at once (invalid_ledger_request), before anything reads the request further.
 */
export function checkRequest(request: object, fields: Fields, name?: string): void {
  const values = request as Readonly<Record<string, unknown>>;
  const problems: string[] = [];
  for (const [key, names] of Object.entries(fields) as [keyof Fields, readonly string[]][]) {
    const optional = key.startsWith('optional');
    const rule = RULES[(optional ? key.slice(8).toLowerCase() : key) as Rule];
    for (const field of names) {
      const value = values[field];
      if ((optional && value === undefined) || rule.test(value)) continue;
      problems.push(`${name ? `${name}.` : ''}${field} ${rule.says}`);
    }
  }
  if (problems.length > 0) throw invalidLedgerRequest(problems);
}

/** A reservation's end: after `at`, at most MAX_RESERVATION_MS later. */
export function requireReservationEnd(until: string, at: string): void {
  const span = Date.parse(until) - Date.parse(at);
  if (!(span > 0 && span <= MAX_RESERVATION_MS))
    throw invalidLedgerRequest([`until must be after now and at most ${MAX_RESERVATION_MS / 3_600_000} hours later`]);
}
