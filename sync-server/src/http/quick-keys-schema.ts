import { QUICK_KEY_LIMITS } from '@pos/core';
import { Type } from 'typebox';

/**
 * A tile of a store's touch selling (core QuickKey), bounded in shape and size before anything
 * reads it; what the shape cannot say (a hex colour, an image's format, one product reference,
 * no two tiles alike) core's quickKeysProblems answers with a code per tile.
 */
const QuickKey = Type.Object(
  {
    kind: Type.Union([Type.Literal('category'), Type.Literal('product')]),
    label: Type.String({ maxLength: QUICK_KEY_LIMITS.maxLabelLength }),
    colour: Type.Optional(Type.String({ maxLength: 7, description: 'CSS hex colour, #rgb or #rrggbb' })),
    image: Type.Optional(
      Type.String({ maxLength: QUICK_KEY_LIMITS.maxImageLength, description: 'Base64 data URL of a PNG, JPEG, WebP or GIF image' }),
    ),
    category: Type.Optional(
      Type.String({ maxLength: QUICK_KEY_LIMITS.maxCategoryLength, description: 'A category tile: the products’ category' }),
    ),
    productId: Type.Optional(Type.String({ maxLength: QUICK_KEY_LIMITS.maxReferenceLength })),
    barcode: Type.Optional(Type.String({ maxLength: QUICK_KEY_LIMITS.maxReferenceLength })),
  },
  { additionalProperties: false },
);

export const QuickKeys = Type.Array(QuickKey, {
  maxItems: QUICK_KEY_LIMITS.maxKeys,
  description: 'The sale screen’s tiles, in order: categories (a tap lists their products) and products (a tap sells them)',
});
