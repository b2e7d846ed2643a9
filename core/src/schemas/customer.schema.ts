import type { FromSchema } from 'json-schema-to-ts';

/**
 * A customer, edited at the till and at the hub (field-level merge by `fieldTimes`, see
 * sync/field-merge.ts). Personal data lives here only: a sale refers to a customer by id.
 * Deleting one erases it: the hub keeps and sends only its tombstone (sync/erasure.ts: id,
 * `_deleted`, `updatedAt` and `fieldTimes._deleted` as the time of the deletion, `storeId`), and
 * no later push brings the data back.
 */
export const customerSchema = {
  title: 'customers',
  description: 'Customers of the store (synced both ways, merged field by field)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    storeId: { type: 'string', maxLength: 32 },
    firstName: { type: 'string', maxLength: 100 },
    lastName: { type: 'string', maxLength: 100 },
    email: { type: 'string', maxLength: 200 },
    phone: { type: 'string', maxLength: 40 },
    postalCode: { type: 'string', maxLength: 16 },
    loyaltyNumber: { type: 'string', maxLength: 40 },
    marketingConsent: { type: 'boolean' },
    updatedAt: { type: 'string', maxLength: 32 },
    fieldTimes: { type: 'object' },
  },
  required: ['id', 'storeId', 'lastName', 'updatedAt', 'fieldTimes'],
  indexes: ['updatedAt'],
  additionalProperties: false,
} as const;

export type CustomerDoc = Omit<FromSchema<typeof customerSchema>, 'fieldTimes'> & { fieldTimes: Record<string, string> };
