import type { Product } from '@pos/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { sellTapped } from './sell';
import { ProductTile, type TileWords } from './tiles/ProductTile';

function sellResult(product: Product): void {
  useAppStore.getState().setSearchText('');
  void sellTapped(product);
}

/**
 * The results of one query as tiles. Memoised on the results themselves: the keystroke that
 * starts the next query redraws the search box only, never the twenty tiles of the last answer
 * (half the time of a search in bench:till went there).
 */
export const SearchResults = memo(function SearchResults({
  query,
  results,
  stock,
  done,
  words,
}: {
  query: string;
  results: readonly Product[];
  stock: ReadonlyMap<string, number>;
  done: boolean;
  words: TileWords;
}) {
  const { t } = useTranslation();
  return (
    <ul className="tile-grid tile-results" aria-label={t('sale.results')}>
      {results.map((p) => (
        <li key={p.id}>
          <ProductTile words={words} product={p} stock={stock.get(p.id)} showSku onTap={sellResult} />
        </li>
      ))}
      {done && results.length === 0 && <li className="tiles-none">{t('sale.noResults', { query })}</li>}
    </ul>
  );
});
