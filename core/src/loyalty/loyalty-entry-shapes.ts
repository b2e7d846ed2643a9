import { LEDGER_INSTANT } from '../ledger/add-months';
import { integer, literal, object, pattern, text, trueFlag, variant, check, type Check } from '../validation/shape';
import { LOYALTY_LIMITS as L } from './loyalty-program';

/**
 * The bounded shapes of loyalty ledger entries: what the hub checks of an entry it did not make
 * (an earn or an offline spend inside a pushed sale) before reading it, and of what it stores.
 * Structure and bounds only: that an earn is what loyaltyEarn gives for its sale is checked apart.
 */
const id = text(2 * L.maxIdLength, 1);
const instant = pattern(LEDGER_INSTANT, 24, 'a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ');
const points = integer(1, L.maxPoints);
const amount = integer(0, L.maxAmount);
const base = { id, at: instant };

/** An earn entry: also what a sealed sale carries in its `loyalty` block (sale-loyalty.ts). */
export const LOYALTY_EARN_SHAPE: Check = object(
  {
    ...base,
    kind: literal('earn'),
    customerId: id,
    programId: id,
    programVersion: integer(1, 1_000_000),
    saleId: id,
    points,
    rule: literal('spend', 'visit'),
    basis: amount,
    saleTotal: amount,
  },
  { visitMinimum: amount, expiresAt: instant },
);

export const LOYALTY_ENTRY_SHAPE: Check = variant('kind', {
  earn: LOYALTY_EARN_SHAPE,
  redeem: object({ ...base, kind: literal('redeem'), points, saleId: id }, { reservationId: id, rewardId: id, offline: trueFlag() }),
  reserve: object({ ...base, kind: literal('reserve'), points, until: instant }),
  release: object({ ...base, kind: literal('release'), reservationId: id }),
  expire: object({ ...base, kind: literal('expire'), lotId: id }),
  adjust: object(
    { ...base, kind: literal('adjust'), points: integer(-L.maxPoints, L.maxPoints), reason: text(L.maxNameLength * 2, 1), staffId: id },
    { expiresAt: instant },
  ),
  reverse: object({ ...base, kind: literal('reverse'), points, saleId: id, returnId: id }),
});

/** Every problem of an untrusted loyalty entry (empty when sound); an adjustment of 0 points is refused too. */
export function loyaltyEntryProblems(value: unknown, name = 'entry'): string[] {
  const problems = check(LOYALTY_ENTRY_SHAPE, value, name);
  if (
    problems.length === 0 &&
    (value as { kind: string; points?: number }).kind === 'adjust' &&
    (value as { points: number }).points === 0
  ) {
    problems.push(`${name}.points must not be 0`);
  }
  return problems;
}
