import { LEDGER_INSTANT } from '../ledger/add-months';
import { MAX_AMOUNT } from '../validation/sealed-shapes';
import { integer, literal, object, pattern, text, trueFlag, variant, check, type Check } from '../validation/shape';
import { STORED_VALUE_KINDS } from './stored-value-entries';

/**
 * The bounded shapes of stored-value ledger entries: what the hub checks of an entry it did not
 * make (an offline card spend inside a pushed sale) before reading it. Structure and bounds only.
 */
const id = text(160, 1);
const instant = pattern(LEDGER_INSTANT, 24, 'a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ');
const amount = integer(1, MAX_AMOUNT);
const base = { id, at: instant, cardId: text(64, 1) };

export const STORED_VALUE_ENTRY_SHAPE: Check = variant('kind', {
  issue: object(
    {
      ...base,
      kind: literal('issue'),
      cardKind: literal(...STORED_VALUE_KINDS),
      currency: pattern(/^[A-Z]{3}$/, 3, 'a currency code'),
      amount,
    },
    { saleId: id, returnId: id, customerId: id, expiresAt: instant },
  ),
  reload: object({ ...base, kind: literal('reload'), amount }, { saleId: id, returnId: id, expiresAt: instant }),
  reserve: object({ ...base, kind: literal('reserve'), amount, until: instant }),
  release: object({ ...base, kind: literal('release'), reservationId: id }),
  redeem: object({ ...base, kind: literal('redeem'), amount, saleId: id, tenderId: id }, { reservationId: id, offline: trueFlag() }),
  refund: object({ ...base, kind: literal('refund'), amount, returnId: id, saleId: id }, { expiresAt: instant }),
  expire: object({ ...base, kind: literal('expire') }, { lotId: id }),
  cancel: object({ ...base, kind: literal('cancel'), reason: text(200, 1), staffId: id }),
});

/** Every problem of an untrusted stored-value entry (empty when sound). */
export function storedValueEntryProblems(value: unknown, name = 'entry'): string[] {
  return check(STORED_VALUE_ENTRY_SHAPE, value, name);
}
