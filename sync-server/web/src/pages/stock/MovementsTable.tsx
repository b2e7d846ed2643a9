import { STOCK_MOVEMENT_KINDS } from '@pos/core/sync/stock';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import {
  MAX_PRODUCT_ID,
  movementParams,
  type MovementFilters,
  type StockApi,
  type StockMovementKind,
  type StockMovementRow,
} from './stock-api';
import { FilterField, ListStatus, MoreButton, productText, useDelta } from './stock-format';
import { usePagedRows } from './use-paged-rows';

type Props = { readonly api: StockApi; readonly storeId: string; readonly version: number };

const NO_FILTERS: MovementFilters = { productId: '', kind: '', from: '', to: '' };

/** A store's ledger, newest first: filtered by product, kind and days, page by page. */
export function MovementsTable({ api, storeId, version }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('stock');
  const delta = useDelta();
  const kindId = useId();
  const [draft, setDraft] = useState<MovementFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<MovementFilters>(NO_FILTERS);
  const list = usePagedRows((cursor) => api.movements(storeId, filters, cursor), JSON.stringify([storeId, filters, version]));
  const source = (row: StockMovementRow) =>
    t(`stock.sources.${row.sourceCollection === 'sales' || row.sourceCollection === 'transfer' ? row.sourceCollection : 'admin'}`, {
      id: row.sourceId,
    });

  return (
    <section className="panel" aria-labelledby="stock-movements-title">
      <h2 id="stock-movements-title">{t('stock.movements.title')}</h2>
      <form
        className="stock-filters"
        aria-label={t('stock.movements.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...draft, productId: draft.productId.trim() });
        }}
      >
        <FilterField
          label={t('stock.productId')}
          value={draft.productId}
          maxLength={MAX_PRODUCT_ID}
          autoComplete="off"
          onChange={(e) => setDraft({ ...draft, productId: e.target.value })}
        />
        <div className="field">
          <label htmlFor={kindId}>{t('stock.movements.kind')}</label>
          <select id={kindId} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as StockMovementKind | '' })}>
            <option value="">{t('stock.movements.anyKind')}</option>
            {STOCK_MOVEMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`stock.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterField
          label={t('stock.movements.from')}
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <FilterField
          label={t('stock.movements.to')}
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <button type="submit">{t('stock.movements.apply')}</button>
      </form>
      <ExportButtons
        path={`/stores/${encodeURIComponent(storeId)}/stock/movements`}
        query={movementParams(filters)}
        label={t('stock.movements.exportLabel')}
      />
      <ListStatus problem={list.problem === null ? null : errorText(list.problem)} rows={list.rows} empty={t('stock.movements.empty')} />
      {list.rows !== null && list.rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t('stock.movements.caption', { store: storeId })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stock.movements.when')}</th>
                <th scope="col">{t('stock.product')}</th>
                <th scope="col">{t('stock.movements.kind')}</th>
                <th scope="col" className="number">
                  {t('stock.movements.quantity')}
                </th>
                <th scope="col">{t('stock.movements.source')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.movementId}>
                  <td>{new Date(row.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <th scope="row">{productText(row)}</th>
                  <td>{t(`stock.kinds.${row.kind}`)}</td>
                  <td className="number">{delta(row.quantityDelta)}</td>
                  <td>{source(row)}</td>
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
