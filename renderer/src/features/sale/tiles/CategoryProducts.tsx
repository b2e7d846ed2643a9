import type { CategoryQuickKey } from '@pos/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sellTapped } from '../sell';
import { ProductTile, useTileWords } from './ProductTile';
import { useCategoryPage } from './use-category-page';
import { useStockLevels } from './use-stock-levels';

/** Tiles a page: a 96 px tile fits three or four across the side pane, eight rows on a large screen. */
export const CATEGORY_PAGE_SIZE = 24;

/** A category's products as tiles, a page at a time, with the way back to the store's tiles. */
export function CategoryProducts({ tile, onBack }: { tile: CategoryQuickKey; onBack: () => void }) {
  const { t } = useTranslation();
  const words = useTileWords();
  const [offset, setOffset] = useState(0);
  const page = useCategoryPage(tile.category, offset, CATEGORY_PAGE_SIZE);
  const stock = useStockLevels(page.products.map((p) => p.id));
  const grid = useRef<HTMLUListElement>(null);
  // A new page starts at its top, as a turned page does. (Braces: Chromium's scrollTo may return a
  // promise, which React would take for the effect's clean-up.)
  useEffect(() => {
    grid.current?.scrollTo?.({ top: 0 });
  }, [offset]);

  return (
    <div className="tile-folder">
      <div className="tile-folder-head">
        <button type="button" className="tile-back" onClick={onBack}>
          {t('tiles.back')}
        </button>
        <h2>{tile.label}</h2>
      </div>
      <ul ref={grid} className="tile-grid" aria-label={t('tiles.categoryProducts', { category: tile.label })} aria-busy={page.loading}>
        {page.products.map((p) => (
          <li key={p.id}>
            <ProductTile words={words} product={p} stock={stock.get(p.id)} onTap={sellTapped} />
          </li>
        ))}
      </ul>
      {!page.loading && page.products.length === 0 && offset === 0 && <p className="tiles-none">{t('tiles.empty')}</p>}
      {(offset > 0 || page.more) && (
        <div className="tile-pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - CATEGORY_PAGE_SIZE))}>
            {t('tiles.previous')}
          </button>
          <span>{t('tiles.page', { page: offset / CATEGORY_PAGE_SIZE + 1 })}</span>
          <button type="button" disabled={!page.more} onClick={() => setOffset(offset + CATEGORY_PAGE_SIZE)}>
            {t('tiles.next')}
          </button>
        </div>
      )}
    </div>
  );
}
