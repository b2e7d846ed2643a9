import type { FromSchema } from 'json-schema-to-ts';
import type { SealedRecord } from '../fiscal/chain';
import { isSaleV1 } from '../sale/sale';

/**
 * One sealed sale per document. The top-level fields are copies of the sealed record kept for
 * indexes (receipt number, day); the sealed record itself is the truth and is never edited.
 *
 * Version 1 (the sale document version 1): copies of a version 1 sale's kind, business date and
 * training mark. Documents stored under version 0 hold version 0 sales and are kept as they are
 * (saleMigrationStrategies): their sealed record is never rewritten, and no copy is added, so a
 * document the hub already holds is pushed again, if ever, with the very same content.
 */
export const saleSchema = {
  title: 'sales',
  description: 'Sealed sales and returns of this till (push only, append only)',
  version: 1,
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
    /** Version 1 sales only: `sale` or `return`, the sale's business date, and its training mark. */
    kind: { type: 'string', enum: ['sale', 'return'], maxLength: 8 },
    businessDate: { type: 'string', maxLength: 10 },
    training: { type: 'boolean' },
    record: { type: 'object' },
  },
  required: ['id', 'storeId', 'tillId', 'seq', 'completedAt', 'total', 'staffId', 'record'],
  indexes: ['seq', 'completedAt'],
  additionalProperties: false,
} as const;

export type SaleDoc = Omit<FromSchema<typeof saleSchema>, 'record'> & { record: SealedRecord<'sale'> };

export function saleDocFromRecord(record: SealedRecord<'sale'>): SaleDoc {
  const sale = record.payload;
  return {
    id: record.id,
    storeId: record.storeId,
    tillId: record.tillId,
    seq: record.seq,
    completedAt: sale.completedAt,
    total: sale.total,
    staffId: sale.staffId,
    ...(isSaleV1(sale) ? { kind: sale.kind, businessDate: sale.businessDate, ...(sale.training ? { training: true } : {}) } : {}),
    record,
  };
}

/**
 * RxDB's migration of stored sale documents, one function per schema version. 0 → 1: a stored
 * document holds a version 0 sale; it stays exactly as it was (its sealed record byte for byte,
 * no copy added: version 0 sales have no kind, business date or training mark to copy).
 */
export const saleMigrationStrategies = {
  1: (doc: SaleDoc): SaleDoc => doc,
} as const;
