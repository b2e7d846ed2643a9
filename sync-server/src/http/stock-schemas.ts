import { MAX_TRANSFER_LINES, MAX_TRANSFER_NOTE_LENGTH } from '@pos/core/sync/head-office-api';
import { STOCK_MOVEMENT_KINDS, type StockMovementKind } from '@pos/core/sync/stock';
import { Type } from 'typebox';
import { MAX_COUNTED } from '../stock/manual-movements';
import { MAX_CURSOR_LENGTH, MAX_PAGE, MAX_SEARCH_LENGTH } from '../stock/stock-reads';
import { List, ProductId, StoreId } from './api-schemas';
import { exportQueryFields } from './export/send-export';

/** The shapes of the Stock page's routes (stock-routes.ts). */

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Kind = Type.Unsafe<StockMovementKind>(Type.String({ enum: [...STOCK_MOVEMENT_KINDS] }));
const Level = Type.Object({ productId: Type.String(), level: Type.Integer() });

const PageQuery = {
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_CURSOR_LENGTH, description: 'The previous page’s `next`' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, description: 'Default 50' })),
};
const Next = Nullable(Type.String({ description: 'Cursor of the following page; null after the last' }));

export const StockLevelsQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: MAX_SEARCH_LENGTH,
      description: 'Product id, reference or barcode as typed, part of the name, or a word’s start',
    }),
  ),
  negative: Type.Optional(Type.Boolean({ description: 'Only products whose level is below 0' })),
  ...PageQuery,
  ...exportQueryFields,
});

export const StockLevelsPage = Type.Object({
  rows: List(
    Type.Object({
      productId: Type.String(),
      sku: Nullable(Type.String()),
      name: Nullable(Type.String({ description: 'From the catalog; null for a product no longer in it' })),
      level: Type.Integer(),
      updatedAt: Type.String(),
    }),
  ),
  next: Next,
});

export const StockMovementsQuery = Type.Object({
  productId: Type.Optional(ProductId),
  kind: Type.Optional(Kind),
  from: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Included' })),
  to: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Excluded' })),
  ...PageQuery,
  ...exportQueryFields,
});

export const StockMovementsPage = Type.Object({
  rows: List(
    Type.Object({
      movementId: Type.String(),
      productId: Type.String(),
      name: Nullable(Type.String()),
      kind: Kind,
      quantityDelta: Type.Integer({ description: 'Signed: what entered (+) or left (−) the store' }),
      sourceCollection: Type.String({ description: 'sales (a till’s sale), admin (head office’s movement), transfer' }),
      sourceId: Type.String({ description: 'The sale, head office’s movement id, or the transfer id' }),
      createdAt: Type.String(),
    }),
  ),
  next: Next,
});

export const StockTransferBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128, description: 'Made by the client: the same body again is the same transfer' }),
    from: StoreId,
    to: StoreId,
    lines: Type.Array(
      Type.Object(
        { productId: ProductId, quantity: Type.Integer({ minimum: 1, maximum: MAX_COUNTED, description: 'Pieces, or grams' }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_TRANSFER_LINES },
    ),
    note: Type.Optional(Type.String({ maxLength: MAX_TRANSFER_NOTE_LENGTH })),
  },
  { additionalProperties: false },
);

export const StockTransferResult = Type.Object({
  id: Type.String(),
  applied: Type.Boolean({ description: 'False: this id was recorded before with this body, nothing moved again' }),
  createdAt: Type.String(),
  levels: Type.Object({ from: List(Level), to: List(Level) }),
});
