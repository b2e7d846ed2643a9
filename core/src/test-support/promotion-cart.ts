import type { Product } from '../catalog/product';
import { compilePromotions, type CompiledPromotions } from '../promotions/compile-promotions';
import type { Promotion } from '../promotions/promotion';
import { samplePromotion } from './promotion-samples';

/** A product sold by the piece at 20 % VAT, in `category`. */
export function promoProduct(id: string, price: number, category: string): Product {
  return {
    id,
    sku: id.toUpperCase(),
    name: `Product ${id}`,
    barcodes: [],
    words: [],
    price,
    currency: 'EUR',
    vatRateId: 'FR-20',
    measure: 'unit',
    category,
  };
}

/** Two everyday rules of a store: the third of product `tee` free, 20 % off the category `shoes`. */
export function everydayPromotions(): Promotion[] {
  return [
    samplePromotion(
      'tee-3-for-2',
      { type: 'buy-get', target: { productIds: ['tee'] }, buyQuantity: 2, getQuantity: 1, bp: 10_000 },
      {
        name: '3 pour 2 t-shirts',
      },
    ),
    samplePromotion('shoes-20', { type: 'percent-off', target: { categories: ['shoes'] }, bp: 2_000 }, { name: 'Chaussures −20 %' }),
  ];
}

export function everydaySet(): CompiledPromotions {
  return compilePromotions(everydayPromotions());
}
