import { CARD_CODE_ALPHABET, LOYALTY_LIMITS } from '@pos/core';
import { Type } from 'typebox';
import { errorResponses, List } from './api-schemas';

/**
 * The shapes of the ledgers' routes (issue 14): the till's online path for points, gift cards and
 * store credit, and the back office's reads and adjustment. Every id is the ledgers' own form
 * (ledgers/ledger-inputs.ts: no ":", which their entry ids use); amounts are whole minor units,
 * points whole points, both within core's LOYALTY_LIMITS.
 */

const ID_PATTERN = '^[A-Za-z0-9._-]{1,64}$';
export const LedgerId = (description: string) => Type.String({ minLength: 1, maxLength: 64, pattern: ID_PATTERN, description });

export const CustomerId = LedgerId('The member’s customer id (chain-wide)');
export const ProgramId = LedgerId('The loyalty program’s id');
export const ReservationId = LedgerId('Made by the till: the same id again is the same reservation');
export const SaleId = LedgerId('The sale that spends (or sells, or reloads)');
export const CardId = Type.String({
  minLength: 37,
  maxLength: 37,
  pattern: '^card_[0-9a-f]{32}$',
  description: 'The hub’s id of a card (never its code)',
});
export const Points = Type.Integer({ minimum: 1, maximum: LOYALTY_LIMITS.maxPoints, description: 'Whole points' });
export const Amount = Type.Integer({ minimum: 1, maximum: LOYALTY_LIMITS.maxAmount, description: 'Minor units (cents)' });
export const Currency = Type.String({ minLength: 3, maxLength: 3, pattern: '^[A-Z]{3}$', description: 'ISO 4217' });
export const Instant = (description: string) =>
  Type.String({
    minLength: 24,
    maxLength: 24,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
    description: `${description} (UTC, YYYY-MM-DDTHH:mm:ss.sssZ)`,
  });
/** As typed or scanned: core's parser ignores case, spaces and dashes, then checks length, alphabet and check character. */
export const CardCode = Type.String({
  minLength: 1,
  maxLength: 40,
  description: `A card’s code, 20 characters of ${CARD_CODE_ALPHABET} (dashes and spaces ignored); sent in a body, never in a URL`,
});

/** A ledger's refusal: core's code (insufficient_points…), the values its sentence names, the fields out of bounds. */
export const LedgerRefusalBody = Type.Object(
  {
    error: Type.String({ description: 'Stable code, worded in docs/loyalty-and-gift-cards.md' }),
    message: Type.String(),
    values: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()]))),
    problems: Type.Optional(List(Type.String())),
    entryId: Type.Optional(Type.String()),
  },
  { description: 'Refused by the ledger: `values` fills the sentence (available, left)' },
);

const Expiring = (unit: string) =>
  List(Type.Object({ expiresAt: Type.String(), [unit]: Type.Integer() }), { description: 'The next expiries, soonest first (at most 12)' });

export const PointsBalance = Type.Object({
  customerId: Type.String(),
  programId: Type.String(),
  available: Type.Integer({ description: 'Points the member may spend now' }),
  reserved: Type.Integer({ description: 'Set aside by open reservations' }),
  debt: Type.Integer({ description: 'Taken beyond the balance, repaid by the next earns' }),
  pendingExpiry: Type.Integer({ description: 'Expiring within 30 days' }),
  expiring: Expiring('points'),
});

export const PointsReserved = Type.Object({
  reservationId: Type.String(),
  points: Type.Integer(),
  until: Type.String(),
  available: Type.Integer({ description: 'Points still free after this reservation' }),
});

export const PointsConsumed = Type.Object({
  entryId: Type.String(),
  saleId: Type.String(),
  points: Type.Integer(),
  available: Type.Integer(),
});

export const Released = Type.Object({
  reservationId: Type.String(),
  cardId: Type.Optional(Type.String()),
  released: Type.Boolean({ description: 'False: it was no longer open (consumed, released, run out or unknown); nothing changed' }),
  available: Type.Integer(),
});

export const CardStatus = Type.Union([Type.Literal('active'), Type.Literal('cancelled'), Type.Literal('expired')]);

export const CardBalance = Type.Object({
  cardId: Type.String(),
  maskedCode: Type.String({ description: 'Only the last group: ••••-••••-••••-••••-8NCA' }),
  kind: Type.Union([Type.Literal('gift_card'), Type.Literal('store_credit')]),
  currency: Type.String(),
  status: CardStatus,
  expiresAt: Type.Optional(Type.String()),
  available: Type.Integer(),
  reserved: Type.Integer(),
  expiring: Expiring('amount'),
});

export const CardReserved = Type.Object({
  cardId: Type.String(),
  maskedCode: Type.String(),
  reservationId: Type.String(),
  amount: Type.Integer(),
  until: Type.String(),
  available: Type.Integer(),
});

export const CardMoved = Type.Object({
  cardId: Type.String(),
  entryId: Type.String(),
  amount: Type.Integer(),
  available: Type.Integer(),
});

export const IssuedCardBody = Type.Object({
  cardId: Type.String(),
  kind: Type.String(),
  currency: Type.String(),
  amount: Type.Integer(),
  maskedCode: Type.String(),
  expiresAt: Type.Optional(Type.String()),
  available: Type.Integer(),
  code: Type.Optional(
    Type.String({ description: 'The code in clear: in the first answer only (print it now); a retry answers without it' }),
  ),
});

/** One row of a ledger as the back office lists it: core's entry as the hub replays it. */
export const LedgerEntryRow = Type.Object({
  entryId: Type.String(),
  kind: Type.String(),
  at: Type.String(),
  saleId: Type.Union([Type.String(), Type.Null()]),
  tillId: Type.Union([Type.String(), Type.Null()]),
  entry: Type.Unknown({ description: 'core’s entry (null: recorded for its answer only, never replayed)' }),
});

/** What a ledger route may answer besides its result: bad shape, `access` (token, role, rate), the ledger's refusals, shutdown. */
export function ledgerRefusals(...access: number[]) {
  return { ...errorResponses(400, ...access, 503), 404: LedgerRefusalBody, 409: LedgerRefusalBody, 422: LedgerRefusalBody };
}

/** A till's: its token, its rate. */
export const LEDGER_REFUSALS = ledgerRefusals(401, 429);

/** Spending or releasing a reservation: also 403 reservation_of_another_till (only the till that reserved may). */
export const RESERVATION_REFUSALS = { ...LEDGER_REFUSALS, 403: LedgerRefusalBody };
