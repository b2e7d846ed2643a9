import type { Product } from '@pos/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../i18n/format';
import { intlLocale } from '../../../i18n/i18n';
import { useAppStore } from '../../../state/app-store';
import { Tile } from './Tile';

/**
 * What product tiles say, looked up once for a whole list rather than by each tile: a search
 * redraws twenty tiles per keystroke (the search figures of bench:till).
 */
export type TileWords = { readonly t: TFunction; readonly locale: string };

export function useTileWords(): TileWords {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  return useMemo(() => ({ t, locale }), [t, locale]);
}

export type ProductTileProps = {
  readonly words: TileWords;
  readonly product: Product;
  /** The store's own words for a favourite; a search result or a category shows the catalog name. */
  readonly label?: string | undefined;
  readonly colour?: string | undefined;
  readonly image?: string | undefined;
  readonly stock?: number | undefined;
  /** Shows the reference, as search results do (the cashier may have typed it). */
  readonly showSku?: boolean;
  readonly onTap: (product: Product) => void;
};

/** A product as a tile: its name, its price (per kg when weighed), its stock when the hub sent it. */
export function ProductTile({ words, product, label, colour, image, stock, showSku = false, onTap }: ProductTileProps) {
  const { t, locale } = words;
  const name = label ?? product.name;
  const reference = [showSku ? product.sku : null, stock !== undefined ? t('sale.stock', { level: stock }) : null].filter(Boolean);
  return (
    <Tile
      kind="product"
      colour={colour}
      image={image}
      verb={t('tiles.add')}
      disabled={product.disabled === true}
      onTap={() => onTap(product)}
      label={<span className="result-name">{name}</span>}
      detail={
        <>
          {reference.length > 0 && <span className="result-sku">{reference.join(' · ')}</span>}{' '}
          <span className="result-price">
            {product.disabled ? t('tiles.unavailable') : formatMoney(product.price, product.currency, locale)}
            {!product.disabled && product.measure === 'weight' ? t('sale.perKg') : ''}
          </span>
        </>
      }
    />
  );
}
