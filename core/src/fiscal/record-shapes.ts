import { CASH_SESSION_SHAPES } from '../cash/cash-session-shapes';
import { ARCHIVE_EVENT_SHAPES } from './archive/archive-event';
import { CLOSING_SHAPE } from '../closing/closing-shapes';
import { SALE_SHAPE, SEALED_VOID_SHAPE, MAX_AMOUNT, TRAINING_SALE_SHAPE } from '../validation/sealed-shapes';
import { array, integer, literal, object, pattern, record, text, variant, type Check } from '../validation/shape';
import { FISCAL_SETTINGS, SETTING_VALUE_MAX } from '../store/fiscal-settings';
import { FISCAL_CHAINS, type FiscalChain } from './events';

/**
 * The published shapes of every sealed record (docs/fiscal/schemas are generated from these):
 * the envelope, and the payload of each chain and event type. A verifier checks a record's
 * shape before hashing it, so nothing unbounded is ever walked.
 */
export const HEX_64 = pattern(/^[0-9a-f]{64}$/, 64, '64 lowercase hex digits');
const HEX_128 = pattern(/^[0-9a-f]{128}$/, 128, '128 lowercase hex digits');
const KEY_ID = pattern(/^[0-9a-f]{16}$/, 16, '16 lowercase hex digits');
const id = text(64, 1);
const staffId = id;
const ISO_UTC = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 24, 'a UTC time as YYYY-MM-DDTHH:mm:ss.sssZ');
const amount = integer(0, MAX_AMOUNT);

const CHAIN_NAMES = new RegExp(`^(${FISCAL_CHAINS.join('|')})$`);
const chainHead = object({ seq: integer(1), hash: HEX_64 });

const settingChange = object({ setting: literal(...FISCAL_SETTINGS) }, { before: text(SETTING_VALUE_MAX), after: text(SETTING_VALUE_MAX) });

const recordProblem = object({ chain: text(16), seq: integer(0), id: text(64), code: text(32), problem: text(300) });

export const EVENT_SHAPE: Check = variant('type', {
  ...CASH_SESSION_SHAPES,
  ...ARCHIVE_EVENT_SHAPES,
  'till.start': object(
    { type: literal('till.start'), appVersion: text(40, 1) },
    { publicKey: HEX_64, heads: record(CHAIN_NAMES, chainHead, FISCAL_CHAINS.length) },
  ),
  'session.sign-in': object({ type: literal('session.sign-in'), staffId }),
  'session.sign-out': object({ type: literal('session.sign-out'), staffId }),
  'staff.locked': object({ type: literal('staff.locked'), staffId }),
  'staff.unlock': object({ type: literal('staff.unlock'), staffId, unlockedBy: staffId }),
  'sale.void': SEALED_VOID_SHAPE,
  'receipt.reprint': object({ type: literal('receipt.reprint'), saleId: id, receiptSeq: integer(1), reprintNumber: integer(1), staffId }),
  'journal.repaired': object({ type: literal('journal.repaired'), segment: text(40), droppedBytes: integer(0) }),
  'journal.integrity': object({ type: literal('journal.integrity'), problemCount: integer(1), problems: array(recordProblem, 20, 1) }),
  'drawer.open': object({ type: literal('drawer.open'), staffId, approvedBy: staffId, reason: text(200) }, { approvalId: id }),
  'terminal.alert': object({ type: literal('terminal.alert'), kind: text(40), attemptKey: id, status: text(20), amount }),
  'devices.configure': object({ type: literal('devices.configure'), staffId, sections: array(text(40), 20) }),
  'key.rotate': object({ type: literal('key.rotate'), previousKeyId: KEY_ID, publicKey: HEX_64, keyId: KEY_ID, endorsement: HEX_128 }),
  'refund.request': object({
    type: literal('refund.request'),
    attemptKey: id,
    saleId: id,
    amount: integer(1, MAX_AMOUNT),
    currency: text(3, 3),
    staffId,
    approvalId: id,
    approvedBy: staffId,
  }),
  'refund.result': object({ type: literal('refund.result'), attemptKey: id, status: literal('approved', 'declined', 'unknown'), amount }),
  'staff.setup': object({ type: literal('staff.setup'), staffId, role: text(32) }),
  'staff.rights': object(
    { type: literal('staff.rights'), staffId, role: text(32), changedBy: literal('hub') },
    { permissions: array(text(40), 32) },
  ),
  'training.start': object({ type: literal('training.start'), staffId, approvedBy: staffId }),
  'training.stop': object({ type: literal('training.stop'), staffId, approvedBy: staffId }),
  'till.stop': object({ type: literal('till.stop') }),
  'hub.offline': object({ type: literal('hub.offline'), since: ISO_UTC }),
  'hub.online': object({ type: literal('hub.online'), offlineSince: ISO_UTC, offlineMs: integer(0) }),
  'app.version': object({ type: literal('app.version'), from: text(40, 1), to: text(40, 1) }),
  'settings.change': object({
    type: literal('settings.change'),
    source: literal('hub', 'local'),
    changes: array(settingChange, FISCAL_SETTINGS.length, 1),
    settings: HEX_64,
  }),
  'data.export': object({
    type: literal('data.export'),
    what: text(40, 1),
    format: text(16, 1),
    staffId,
    records: array(object({ chain: literal(...FISCAL_CHAINS), seq: integer(1), id }), 100, 1),
  }),
});

export const DUPLICATE_SHAPE = object({
  type: literal('duplicate'),
  saleId: id,
  receiptSeq: integer(1),
  duplicateNumber: integer(1),
  staffId,
});

export const PAYLOAD_SHAPES: Readonly<Record<FiscalChain, Check>> = {
  sale: SALE_SHAPE,
  event: EVENT_SHAPE,
  duplicate: DUPLICATE_SHAPE,
  closing: CLOSING_SHAPE,
  training: TRAINING_SALE_SHAPE,
};

/** Every field of a sealed record but its payload (checked by PAYLOAD_SHAPES). */
export const RECORD_ENVELOPE_FIELDS = {
  chain: literal(...FISCAL_CHAINS),
  id,
  seq: integer(1),
  storeId: text(32, 1),
  tillId: text(32, 1),
  sealedAt: ISO_UTC,
  keyId: KEY_ID,
  prevHash: HEX_64,
  hash: HEX_64,
  signature: HEX_128,
};

const RECORD_SHAPES = Object.fromEntries(
  FISCAL_CHAINS.map((chain) => [
    chain,
    object({ ...RECORD_ENVELOPE_FIELDS, chain: literal(chain), payload: PAYLOAD_SHAPES[chain] }, { v: literal(1) }),
  ]),
) as Readonly<Record<FiscalChain, Check>>;

/** A whole record of one chain: envelope and payload, with `v` (absent on version 0 records). Built once: verifiers check every record with it. */
export function recordShape(chain: FiscalChain): Check {
  return RECORD_SHAPES[chain];
}
