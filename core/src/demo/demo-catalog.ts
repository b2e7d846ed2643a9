import { withGtinCheckDigit } from '../barcode/gtin';
import { searchWords, type Product } from '../catalog/product';
import { DEMO_BRANDS, DEMO_CATEGORIES, DEMO_VARIANTS, type DemoCategory } from './demo-vocabulary';
import { mulberry32, pick } from './prng';

export const DEMO_SEED = 20261122;
export const DEMO_CATALOG_SIZE = 2000;

/** Item references of weighed products, also printed as PLU codes on scale labels. */
const WEIGHED = DEMO_CATEGORIES.flatMap((category) => (category.weighed ?? []).map((kind) => ({ category, kind })));
export const DEMO_WEIGHED_COUNT = WEIGHED.length;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function roundedPrice(random: () => number, [min, max]: readonly [number, number]): number {
  const raw = min + Math.floor(random() * (max - min));
  // Shelf prices end in 9 or 5 cents, as they do in French shops.
  return Math.max(9, Math.floor(raw / 10) * 10 + (random() < 0.7 ? 9 : 5));
}

export function weighedItemCode(index: number): string {
  return pad(index + 1, 5);
}

function weighedProduct(index: number, seed: number): Product {
  const entry = WEIGHED[index];
  if (!entry) throw new RangeError(`No weighed product ${index}`);
  const random = mulberry32(seed ^ (index * 2654435761));
  const item = weighedItemCode(index);
  const barcodes = [withGtinCheckDigit(`20${item}00000`)];
  // Counter products are also sold pre-packed with the price printed on the label.
  if (entry.category.id === 'boucherie' || entry.category.id === 'cremerie') barcodes.push(withGtinCheckDigit(`21${item}00000`));
  const name = `${entry.kind} au kg`;
  return {
    id: `prd-w${item}`,
    sku: `PLU-${item}`,
    name,
    barcodes,
    words: searchWords(`${name} ${item}`),
    price: roundedPrice(random, entry.category.priceRange),
    currency: 'EUR',
    vatRateId: entry.category.vatRateId,
    measure: 'weight',
    category: entry.category.label,
  };
}

function packagedProduct(index: number, seed: number): Product {
  const random = mulberry32(seed ^ (index * 2654435761));
  const category: DemoCategory = DEMO_CATEGORIES[index % DEMO_CATEGORIES.length] as DemoCategory;
  const step = Math.floor(index / DEMO_CATEGORIES.length);
  const kind = category.kinds[step % category.kinds.length] as string;
  const brand = DEMO_BRANDS[Math.floor(step / category.kinds.length) % DEMO_BRANDS.length] as string;
  const size = pick(random, category.sizes);
  const variant = pick(random, DEMO_VARIANTS);
  const name = [kind, variant, brand, size].filter((part) => part !== '').join(' ');
  const prefix = category.id.slice(0, 3).toUpperCase();
  const barcodes = [withGtinCheckDigit(`37${pad(index, 10)}`)];
  if (index % 7 === 0) barcodes.push(withGtinCheckDigit(`36${pad(index, 10)}`));
  // Imported goods carry a UPC-A code, stored in its EAN-13 form.
  if (index % 17 === 0) barcodes.push(withGtinCheckDigit(`08${pad(index, 10)}`));
  return {
    id: `prd-${pad(index, 7)}`,
    sku: `${prefix}-${pad(index, 6)}`,
    name,
    barcodes,
    words: searchWords(name),
    price: roundedPrice(random, category.priceRange),
    currency: 'EUR',
    vatRateId: category.vatRateId,
    measure: 'unit',
    category: category.label,
  };
}

/**
 * The index-th product of a deterministic demo catalog: the same index always gives the same
 * product, so pages can be generated on demand (300,000 products for the benchmark never sit in memory).
 */
export function demoProduct(index: number, seed = DEMO_SEED): Product {
  return index < DEMO_WEIGHED_COUNT ? weighedProduct(index, seed) : packagedProduct(index, seed);
}

export function demoProducts(from: number, count: number, total: number, seed = DEMO_SEED): Product[] {
  const out: Product[] = [];
  for (let i = from; i < Math.min(from + count, total); i++) out.push(demoProduct(i, seed));
  return out;
}
