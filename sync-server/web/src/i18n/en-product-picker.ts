import type { frProductPicker } from './fr-product-picker';

type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/** The product picker's words in English (spread into en.ts; the same keys as fr-product-picker.ts). */
export const enProductPicker: Words<typeof frProductPicker> = {
  productPicker: {
    list: 'Products found for: {{label}}',
    found_zero: 'No product matches: check the name or the code.',
    found_one: '1 product found: press the down arrow to choose it.',
    found_other: '{{count}} products found: arrows to choose, Enter to confirm.',
    typeId: 'Product search unavailable: type the product’s id.',
  },
};
