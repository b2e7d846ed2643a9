import { MAX_AMOUNT } from '../validation/sealed-shapes';
import { array, integer, literal, object, pattern, record, text, variant, type Check } from '../validation/shape';
import { MAX_COUNT_QUANTITY } from './cash-count';

/**
 * The bounded shapes of the cash-session payloads the till host seals on the event chain (to be
 * added to EVENT_SHAPE's variants there). They check structure and bounds only; cashPayloadProblems
 * (cash-payload-problems.ts) checks the figures against each other.
 */
const id = text(64, 1);
const ISO_UTC = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 24, 'a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ');
const DATE = pattern(/^\d{4}-\d{2}-\d{2}$/, 10, 'a date as YYYY-MM-DD');
const CURRENCY = pattern(/^[A-Z]{3}$/, 3, 'a currency code of three capital letters');
const amount = integer(0, MAX_AMOUNT);
const signedAmount = integer(-MAX_AMOUNT, MAX_AMOUNT);
export const MAX_REASON_LENGTH = 200;
export const MAX_CLOSE_TENDERS = 16;

/** A count by denomination: decimal values in minor units to quantities. */
export const CASH_COUNT_SHAPE: Check = record(/^[1-9][0-9]{0,9}$/, integer(0, MAX_COUNT_QUANTITY), 32);

export const CASH_SESSION_OPEN_SHAPE: Check = object({
  type: literal('cash.session.open'),
  sessionId: id,
  tillId: text(32, 1),
  staffId: id,
  openedAt: ISO_UTC,
  businessDate: DATE,
  currency: CURRENCY,
  float: object({ count: CASH_COUNT_SHAPE, total: amount }),
});

export const CASH_MOVEMENT_SHAPE: Check = object(
  {
    type: literal('cash.movement'),
    sessionId: id,
    movementId: id,
    kind: literal('pay-in', 'pay-out', 'safe-drop'),
    amount: integer(1, MAX_AMOUNT),
    reason: text(MAX_REASON_LENGTH, 1),
    staffId: id,
  },
  { approvedBy: id, approvalId: id },
);

export const CASH_COUNT_EVENT_SHAPE: Check = object({
  type: literal('cash.count'),
  sessionId: id,
  countedAt: ISO_UTC,
  staffId: id,
  currency: CURRENCY,
  cash: object({ count: CASH_COUNT_SHAPE, total: amount }),
  tenders: array(object({ method: text(32, 1), counted: signedAmount }), MAX_CLOSE_TENDERS - 1),
});

const tenderClose = object(
  { method: text(32, 1), counted: signedAmount, expected: signedAmount, variance: integer(-2 * MAX_AMOUNT, 2 * MAX_AMOUNT) },
  { count: CASH_COUNT_SHAPE },
);

export const CASH_SESSION_CLOSE_SHAPE: Check = object(
  {
    type: literal('cash.session.close'),
    sessionId: id,
    closedAt: ISO_UTC,
    staffId: id,
    currency: CURRENCY,
    varianceLimit: amount,
    tenders: array(tenderClose, MAX_CLOSE_TENDERS, 1),
  },
  { approval: object({ approvedBy: id, reason: text(MAX_REASON_LENGTH, 1) }) },
);

/** The cash-session payloads by type, to spread into the event chain's variant. */
export const CASH_SESSION_SHAPES: Readonly<Record<string, Check>> = {
  'cash.session.open': CASH_SESSION_OPEN_SHAPE,
  'cash.movement': CASH_MOVEMENT_SHAPE,
  'cash.count': CASH_COUNT_EVENT_SHAPE,
  'cash.session.close': CASH_SESSION_CLOSE_SHAPE,
};

export const CASH_SESSION_PAYLOAD_SHAPE: Check = variant('type', CASH_SESSION_SHAPES);
