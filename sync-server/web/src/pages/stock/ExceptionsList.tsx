import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { StockApi, StockException } from './stock-api';
import { LevelHeaders, ListStatus, productText, useQuantity } from './stock-format';

type Props = { readonly api: StockApi; readonly storeId: string; readonly version: number };

/** Products the store sold more of than its ledger had: a delivery not recorded, or the last unit sold twice. */
export function ExceptionsList({ api, storeId, version }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('stock');
  const quantity = useQuantity();
  const [rows, setRows] = useState<readonly StockException[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.exceptions(storeId).then(
      (list) => {
        if (!live) return;
        setRows(list);
        setProblem(null);
      },
      (error: unknown) => live && setProblem(error),
    );
    return () => {
      live = false;
    };
  }, [api, storeId, version]);

  return (
    <section className="panel" aria-labelledby="stock-exceptions-title">
      <h2 id="stock-exceptions-title">{t('stock.exceptions.title')}</h2>
      <ListStatus problem={problem === null ? null : errorText(problem)} rows={rows} empty={t('stock.exceptions.none')} />
      {rows !== null && rows.length > 0 && (
        <table>
          <caption>{t('stock.exceptions.caption', { count: rows.length })}</caption>
          <LevelHeaders />
          <tbody>
            {rows.map((row) => (
              <tr key={row.productId}>
                <th scope="row">{productText(row)}</th>
                <td>{row.sku ?? ''}</td>
                <td className="number">{quantity(row.level)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
