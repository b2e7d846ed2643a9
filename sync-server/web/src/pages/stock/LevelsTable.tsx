import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { levelParams, MAX_SEARCH, type LevelFilters, type StockApi } from './stock-api';
import { FilterField, LevelHeaders, ListStatus, MoreButton, productText, useQuantity } from './stock-format';
import { usePagedRows } from './use-paged-rows';

type Props = { readonly api: StockApi; readonly storeId: string; readonly version: number };

/** A store's levels by product: searched by id, reference, barcode or name, negatives only on demand, page by page. */
export function LevelsTable({ api, storeId, version }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('stock');
  const quantity = useQuantity();
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<LevelFilters>({ q: '', negative: false });
  const list = usePagedRows((cursor) => api.levels(storeId, filters, cursor), JSON.stringify([storeId, filters, version]));

  return (
    <section className="panel" aria-labelledby="stock-levels-title">
      <h2 id="stock-levels-title">{t('stock.levels.title')}</h2>
      <form
        role="search"
        className="stock-filters"
        aria-label={t('stock.levels.searchForm')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...filters, q: draft.trim() });
        }}
      >
        <FilterField
          label={t('stock.levels.search')}
          type="search"
          value={draft}
          maxLength={MAX_SEARCH}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{t('stock.levels.searchButton')}</button>
        <label className="field">
          <input type="checkbox" checked={filters.negative} onChange={(e) => setFilters({ ...filters, negative: e.target.checked })} />{' '}
          {t('stock.levels.negativeOnly')}
        </label>
      </form>
      <ExportButtons
        path={`/stores/${encodeURIComponent(storeId)}/stock`}
        query={levelParams(filters)}
        label={t('stock.levels.exportLabel')}
      />
      <ListStatus
        problem={list.problem === null ? null : errorText(list.problem)}
        rows={list.rows}
        empty={t(filters.q || filters.negative ? 'stock.levels.noMatch' : 'stock.levels.empty')}
      />
      {list.rows !== null && list.rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t('stock.levels.caption', { store: storeId })}</caption>
            <LevelHeaders>
              <th scope="col">{t('stock.updatedAt')}</th>
            </LevelHeaders>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.productId} className={row.level < 0 ? 'negative' : undefined}>
                  <th scope="row">{productText(row)}</th>
                  <td>{row.sku ?? ''}</td>
                  <td className="number">{quantity(row.level)}</td>
                  <td>{new Date(row.updatedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasMore && <MoreButton onClick={list.more} />}
    </section>
  );
}
