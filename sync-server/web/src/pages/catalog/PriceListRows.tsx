import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import type { EntryDraft } from './price-list-draft';
import { filteredRows, pageCount, rowsOfPage, type RowFilter } from './price-list-rows';
import { PriceListRow, type RowField } from './PriceListRow';
import { RowsPager } from './RowsPager';

export type { RowField };

/** A row's input to point at: the one a problem was found in, or a new row's. */
export type RowTarget = { readonly row: number; readonly field: RowField };

type Props = {
  readonly entries: readonly EntryDraft[];
  readonly canEdit: boolean;
  readonly filter: RowFilter;
  readonly page: number;
  /** The input a problem was found in (marked invalid), or null. */
  readonly invalid: RowTarget | null;
  readonly onFilter: (text: string) => void;
  readonly onPage: (page: number) => void;
  readonly onChange: (key: number, field: RowField, value: string) => void;
  readonly onRemove: (key: number) => void;
};

/**
 * A list's rows a page at a time, narrowed by a product id filter: the whole draft stays in memory
 * (it is saved whole), only one page of inputs is on screen. Rows keep their number in the whole
 * list on every page, the number problems are said with.
 */
export function PriceListRows({ entries, canEdit, filter, page, invalid, onFilter, onPage, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const shown = useMemo(() => filteredRows(entries, filter), [entries, filter]);
  const pages = pageCount(shown.length);
  const current = Math.min(page, pages);
  const filtered = filter.keys !== null;
  const rows = new Intl.NumberFormat(i18n.language).format(shown.length);
  const status =
    filtered && shown.length === 0
      ? t('catalog.priceLists.noMatch')
      : t(filtered ? 'catalog.priceLists.pageStatusFiltered' : 'catalog.priceLists.pageStatus', { page: current, pages, rows });
  return (
    <>
      <Field
        label={t('catalog.priceLists.filter')}
        type="search"
        value={filter.text}
        maxLength={64}
        autoComplete="off"
        // Enter in the filter narrows the rows; it must not save the list.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        onChange={(e) => onFilter(e.target.value)}
      />
      <table>
        <caption>{t('catalog.priceLists.entriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.row')}</th>
            <th scope="col">{t('catalog.priceLists.productId')}</th>
            <th scope="col">{t('catalog.priceLists.priceEuros')}</th>
            {canEdit && <th scope="col">{t('catalog.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rowsOfPage(shown, current).map(({ entry, row }) => (
            <PriceListRow
              key={entry.key}
              entry={entry}
              row={row}
              canEdit={canEdit}
              invalid={invalid?.row === row ? invalid.field : null}
              onChange={onChange}
              onRemove={onRemove}
            />
          ))}
        </tbody>
      </table>
      <RowsPager page={current} pages={pages} status={status} onPage={onPage} />
    </>
  );
}
