import type { FromSchema } from 'json-schema-to-ts';
import type { SealedRecord } from '../fiscal/chain';

/**
 * Every sealed record of this till that is not a sale, told apart by `kind` (the payload type):
 * technical events, voids, cash sessions and movements (chain "event"), duplicates (chain "duplicate",
 * kind "duplicate"), Z reports and fiscal closings (chain "closing", kinds "closing.z", "closing.day"…),
 * the fictitious sales of training mode (chain "training", kind "sale": never in the sales collection).
 * Single writer (this till), append only.
 */
export const tillRecordSchema = {
  title: 'till_records',
  description: 'Sealed technical events and other non-sale records of this till',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    storeId: { type: 'string', maxLength: 32 },
    tillId: { type: 'string', maxLength: 32 },
    chain: { type: 'string', maxLength: 16 },
    seq: { type: 'integer', minimum: 1, maximum: 1_000_000_000, multipleOf: 1 },
    kind: { type: 'string', maxLength: 40 },
    sealedAt: { type: 'string', maxLength: 32 },
    record: { type: 'object' },
  },
  required: ['id', 'storeId', 'tillId', 'chain', 'seq', 'kind', 'sealedAt', 'record'],
  indexes: ['seq', ['kind', 'sealedAt']],
  additionalProperties: false,
} as const;

/** The chains whose records are kept here; sales have their own collection. */
export type TillRecordChain = 'event' | 'duplicate' | 'closing' | 'training';

export type TillRecordDoc = Omit<FromSchema<typeof tillRecordSchema>, 'record'> & { record: SealedRecord<TillRecordChain> };

export function tillRecordDocFromRecord(record: SealedRecord<TillRecordChain>): TillRecordDoc {
  return {
    id: record.id,
    storeId: record.storeId,
    tillId: record.tillId,
    chain: record.chain,
    seq: record.seq,
    kind: record.payload.type,
    sealedAt: record.sealedAt,
    record,
  };
}
