import type { FromSchema } from 'json-schema-to-ts';
import type { SealedRecord } from '../fiscal/chain';

/**
 * One sealed sale per document. The top-level fields are copies of the sealed record kept for
 * indexes (receipt number, day); the sealed record itself is the truth and is never edited.
 */
export const saleSchema = {
  title: 'sales',
  description: 'Sealed sales of this till (push only, append only)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    storeId: { type: 'string', maxLength: 32 },
    tillId: { type: 'string', maxLength: 32 },
    seq: { type: 'integer', minimum: 1, maximum: 1_000_000_000, multipleOf: 1 },
    completedAt: { type: 'string', maxLength: 32 },
    total: { type: 'integer' },
    staffId: { type: 'string', maxLength: 64 },
    record: { type: 'object' },
  },
  required: ['id', 'storeId', 'tillId', 'seq', 'completedAt', 'total', 'staffId', 'record'],
  indexes: ['seq', 'completedAt'],
  additionalProperties: false,
} as const;

export type SaleDoc = Omit<FromSchema<typeof saleSchema>, 'record'> & { record: SealedRecord<'sale'> };

export function saleDocFromRecord(record: SealedRecord<'sale'>): SaleDoc {
  return {
    id: record.id,
    storeId: record.storeId,
    tillId: record.tillId,
    seq: record.seq,
    completedAt: record.payload.completedAt,
    total: record.payload.total,
    staffId: record.payload.staffId,
    record,
  };
}
