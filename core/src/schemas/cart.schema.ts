import type { FromSchema } from 'json-schema-to-ts';
import type { Cart } from '../cart/cart';
import type { Tender } from '../payment/tender';
import type { SalePayload } from '../sale/sale';

/**
 * Carts not yet sold: the one on screen (so a reload or crash keeps it) and parked ones.
 * Local to the till: never synced, never fiscal (a sale is sealed only when paid).
 */
export const cartSchema = {
  title: 'carts',
  description: 'Open and parked carts of this till (local only)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    status: { type: 'string', enum: ['open', 'parked'], maxLength: 8 },
    staffId: { type: 'string', maxLength: 64 },
    updatedAt: { type: 'string', maxLength: 32 },
    cart: { type: 'object' },
    tenders: { type: 'array', items: { type: 'object' } },
    /** The sale built from this cart once paid, kept until the host confirms its seal. */
    sale: { type: 'object' },
  },
  required: ['id', 'status', 'staffId', 'updatedAt', 'cart', 'tenders'],
  indexes: [['status', 'updatedAt']],
  additionalProperties: false,
} as const;

export type CartDoc = Omit<FromSchema<typeof cartSchema>, 'cart' | 'tenders' | 'sale'> & {
  cart: Cart;
  tenders: Tender[];
  sale?: SalePayload;
};
