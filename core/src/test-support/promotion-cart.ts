import type { Product } from '../catalog/product';
import { demoProduct } from '../demo/demo-catalog';
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

/**
 * Two rules over the demo catalog, as head office writes them: "3 pour 2" on demo product 100
 * (version 2) and 20 % off the category of demo product 205 (version 1).
 */
export function demoPromotions(): Promotion[] {
  return [
    samplePromotion(
      'oignons-3-pour-2',
      { type: 'buy-get', target: { productIds: [demoProduct(100).id] }, buyQuantity: 2, getQuantity: 1, bp: 10_000 },
      { version: 2, name: '3 pour 2 oignons' },
    ),
    samplePromotion(
      'rayon',
      { type: 'percent-off', target: { categories: [demoProduct(205).category] }, bp: 2_000 },
      { name: 'Rayon −20 %' },
    ),
  ];
}
