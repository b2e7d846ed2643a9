import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryDraft } from './price-list-draft';

export type RowField = 'productId' | 'price';

type Props = {
  readonly entry: EntryDraft;
  /** Its number in the whole list (1-based). */
  readonly row: number;
  readonly canEdit: boolean;
  /** The input a problem was found in, or null. */
  readonly invalid: RowField | null;
  readonly onChange: (key: number, field: RowField, value: string) => void;
  readonly onRemove: (key: number) => void;
};

/** One row of a price list. Memoised: a keystroke re-renders its own row, not the page's hundred. */
export const PriceListRow = memo(function PriceListRow({ entry, row, canEdit, invalid, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const input = (field: RowField) => (
    <input
      aria-label={t(field === 'productId' ? 'catalog.priceLists.productOf' : 'catalog.priceLists.priceOf', { n: row })}
      aria-invalid={invalid === field ? true : undefined}
      data-row={row}
      data-field={field}
      disabled={!canEdit}
      value={entry[field]}
      autoComplete="off"
      {...(field === 'productId' ? { maxLength: 64 } : { inputMode: 'decimal', maxLength: 16, size: 9 })}
      onChange={(e) => onChange(entry.key, field, e.target.value)}
    />
  );
  return (
    <tr>
      <th scope="row">{row}</th>
      <td>{input('productId')}</td>
      <td>{input('price')}</td>
      {canEdit && (
        <td>
          <button type="button" aria-label={t('catalog.priceLists.removeRowLabel', { n: row })} onClick={() => onRemove(entry.key)}>
            {t('catalog.priceLists.removeRow')}
          </button>
        </td>
      )}
    </tr>
  );
});
