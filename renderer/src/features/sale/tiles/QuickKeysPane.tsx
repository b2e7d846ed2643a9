import type { CategoryQuickKey, QuickKey } from '@pos/core';
import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreProfile } from '../../../state/services';
import { sellTapped } from '../sell';
import { CategoryProducts } from './CategoryProducts';
import { ProductTile, useTileWords, type TileWords } from './ProductTile';
import { Tile } from './Tile';
import { useStockLevels } from './use-stock-levels';
import { useTileProducts, type TileProduct } from './use-tile-products';

const NO_KEYS: readonly QuickKey[] = [];

/**
 * The sale screen's side pane while nothing is searched: the store's tiles, in the order head
 * office set them. A category tile opens its products; a product tile sells at once. Memoised,
 * and only hidden while results show: a keystroke (a scan's digits) does not redraw it, and a
 * search does not make it look its products up again.
 */
export const QuickKeysPane = memo(function QuickKeysPane({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  const keys = useStoreProfile().quickKeys ?? NO_KEYS;
  const [open, setOpen] = useState<CategoryQuickKey | null>(null);
  const words = useTileWords();
  const products = useTileProducts(keys);
  const stock = useStockLevels(products.flatMap((p) => (typeof p === 'object' ? [p.id] : [])));

  let content: ReactNode;
  if (open) content = <CategoryProducts tile={open} onBack={() => setOpen(null)} />;
  else if (keys.length === 0) content = <p className="tiles-none">{t('tiles.none')}</p>;
  else
    content = (
      <ul className="tile-grid" aria-label={t('tiles.pane')}>
        {keys.map((key, i) => (
          <li key={key.kind === 'category' ? `c:${key.category}` : `p:${key.productId ?? key.barcode ?? ''}`}>
            {key.kind === 'category' ? (
              <Tile kind="category" label={key.label} colour={key.colour} image={key.image} onTap={() => setOpen(key)} />
            ) : (
              <FavouriteTile words={words} tile={key} product={products[i] ?? 'loading'} stock={stock} />
            )}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="tiles-pane" hidden={hidden}>
      {content}
    </div>
  );
});

function FavouriteTile({
  words,
  tile,
  product,
  stock,
}: {
  words: TileWords;
  tile: QuickKey;
  product: TileProduct;
  stock: ReadonlyMap<string, number>;
}) {
  if (typeof product === 'object')
    return (
      <ProductTile
        words={words}
        product={product}
        label={tile.label}
        colour={tile.colour}
        image={tile.image}
        stock={stock.get(product.id)}
        onTap={sellTapped}
      />
    );
  // Not in the catalog (yet: a first import still running): shown, so the store sees its tile, but not sold.
  return (
    <Tile
      kind="product"
      label={tile.label}
      colour={tile.colour}
      image={tile.image}
      detail={product === 'missing' ? words.t('tiles.unavailable') : null}
      disabled
      onTap={() => undefined}
    />
  );
}
