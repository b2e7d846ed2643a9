/**
 * The tiles of the sale screen's touch selling, set per store at the hub: what has no barcode
 * (bread, fruit by weight, a coffee) is sold with a tap. An ordered list of catalog categories
 * (a tap lists their products) and favourite products (a tap sells them).
 */
type TileLook = {
  readonly label: string;
  /** A CSS hex colour (#rgb or #rrggbb): the tile's background. */
  readonly colour?: string;
  /**
   * A small picture as a data URL (PNG, JPEG, WebP or GIF). Not a web address: the till's content
   * policy loads no remote image (no way out for data), and a till sells offline.
   */
  readonly image?: string;
};

/** A catalog category, named as products carry it (`Product.category`). */
export type CategoryQuickKey = TileLook & { readonly kind: 'category'; readonly category: string };

/** A product, by its id or by one of its barcodes (exactly one of the two). */
export type ProductQuickKey = TileLook & { readonly kind: 'product'; readonly productId?: string; readonly barcode?: string };

export type QuickKey = CategoryQuickKey | ProductQuickKey;

/**
 * Bounds of a store's tiles: the profile travels to every till with each change and is kept
 * there, so images are small and their total is capped.
 */
export const QUICK_KEY_LIMITS = {
  maxKeys: 48,
  maxLabelLength: 32,
  maxCategoryLength: 100,
  maxReferenceLength: 64,
  /** One image's data URL, in characters (about 12 KB of picture: a tile is ~96 px). */
  maxImageLength: 16_384,
  /** All images of a store together, in characters. */
  maxImagesLength: 131_072,
} as const;

/** Stable codes of what is wrong with a tile: the hub answers them, a back office can translate them. */
export type QuickKeyProblemCode =
  | 'quick_keys_not_a_list'
  | 'quick_keys_too_many'
  | 'quick_key_not_a_tile'
  | 'quick_key_label'
  | 'quick_key_colour'
  | 'quick_key_image'
  | 'quick_key_images_too_large'
  | 'quick_key_category'
  | 'quick_key_product'
  | 'quick_key_duplicate';

export type QuickKeyProblem = { readonly field: string; readonly code: QuickKeyProblemCode; readonly message: string };

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;
const REFERENCE = /^[0-9A-Za-z._/-]+$/;

function text(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}

/** Where a tile leads: two tiles leading to the same place are one too many. */
function target(key: QuickKey): string {
  if (key.kind === 'category') return `category:${key.category}`;
  return key.productId !== undefined ? `product:${key.productId}` : `barcode:${key.barcode ?? ''}`;
}

function keyProblems(key: unknown, field: string): QuickKeyProblem[] {
  const problem = (code: QuickKeyProblemCode, message: string, at = field): QuickKeyProblem => ({ field: at, code, message });
  if (typeof key !== 'object' || key === null || Array.isArray(key)) return [problem('quick_key_not_a_tile', 'must be a tile object')];
  const k = key as Record<string, unknown>;
  if (k.kind !== 'category' && k.kind !== 'product') return [problem('quick_key_not_a_tile', 'kind must be "category" or "product"')];
  const problems: QuickKeyProblem[] = [];
  if (!text(k.label, QUICK_KEY_LIMITS.maxLabelLength))
    problems.push(problem('quick_key_label', `must be a text of 1 to ${QUICK_KEY_LIMITS.maxLabelLength} characters`, `${field}.label`));
  if (k.colour !== undefined && (typeof k.colour !== 'string' || !HEX_COLOUR.test(k.colour)))
    problems.push(problem('quick_key_colour', 'must be a CSS hex colour, #rgb or #rrggbb', `${field}.colour`));
  if (k.image !== undefined) {
    if (typeof k.image !== 'string' || !IMAGE_DATA_URL.test(k.image.slice(0, QUICK_KEY_LIMITS.maxImageLength + 1)))
      problems.push(problem('quick_key_image', 'must be a base64 data URL of a PNG, JPEG, WebP or GIF image', `${field}.image`));
    else if (k.image.length > QUICK_KEY_LIMITS.maxImageLength)
      problems.push(problem('quick_key_image', `must be at most ${QUICK_KEY_LIMITS.maxImageLength} characters`, `${field}.image`));
  }
  if (k.kind === 'category') {
    if (!text(k.category, QUICK_KEY_LIMITS.maxCategoryLength))
      problems.push(problem('quick_key_category', 'must name a catalog category', `${field}.category`));
    if (k.productId !== undefined || k.barcode !== undefined)
      problems.push(problem('quick_key_category', 'a category tile names no product', field));
  } else {
    const refs = [k.productId, k.barcode].filter((r) => r !== undefined);
    const valid = refs.length === 1 && text(refs[0], QUICK_KEY_LIMITS.maxReferenceLength) && REFERENCE.test(refs[0]);
    if (!valid || k.category !== undefined)
      problems.push(
        problem('quick_key_product', 'a product tile names exactly one productId or barcode (letters, digits, . _ / -)', field),
      );
  }
  return problems;
}

/** Everything wrong with a store's tiles, whoever supplied them (the hub's API, a store.json). */
export function quickKeysProblems(keys: unknown): QuickKeyProblem[] {
  if (!Array.isArray(keys)) return [{ field: 'quickKeys', code: 'quick_keys_not_a_list', message: 'must be a list of tiles' }];
  if (keys.length > QUICK_KEY_LIMITS.maxKeys)
    return [{ field: 'quickKeys', code: 'quick_keys_too_many', message: `holds at most ${QUICK_KEY_LIMITS.maxKeys} tiles` }];
  const problems = keys.flatMap((key, i) => keyProblems(key, `quickKeys[${i}]`));
  if (problems.length > 0) return problems;
  const valid = keys as QuickKey[];
  const seen = new Set<string>();
  valid.forEach((key, i) => {
    const to = target(key);
    if (seen.has(to)) problems.push({ field: `quickKeys[${i}]`, code: 'quick_key_duplicate', message: `${to} has a tile already` });
    seen.add(to);
  });
  const images = valid.reduce((sum, key) => sum + (key.image?.length ?? 0), 0);
  if (images > QUICK_KEY_LIMITS.maxImagesLength) {
    problems.push({
      field: 'quickKeys',
      code: 'quick_key_images_too_large',
      message: `images total ${images} characters, at most ${QUICK_KEY_LIMITS.maxImagesLength}`,
    });
  }
  return problems;
}
