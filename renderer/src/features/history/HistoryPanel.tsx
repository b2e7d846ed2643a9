import { receiptNumber, type SaleDoc } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatTime } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { services, staffName } from '../../state/services';
import { ReceiptView } from '../receipt/ReceiptView';
import { reprint } from '../receipt/reprint';
import { saleByReceiptNumber, salesOfToday } from './history-queries';

/** Today's sales of this till, newest first, or one found by its receipt number; any can be reprinted. */
export function HistoryPanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const setPanel = useAppStore((s) => s.setPanel);
  const [query, setQuery] = useState('');
  const [sales, setSales] = useState<SaleDoc[]>([]);
  const [selected, setSelected] = useState<SaleDoc | null>(null);
  const [duplicate, setDuplicate] = useState<number | undefined>();

  useEffect(() => {
    let cancelled = false;
    const { db } = services();
    const load = query.trim() ? saleByReceiptNumber(db.docs, query).then((s) => (s ? [s] : [])) : salesOfToday(db.docs);
    void load.then((found) => !cancelled && setSales(found));
    return () => {
      cancelled = true;
    };
  }, [query]);

  return (
    <div className="history-panel" role="region" aria-label={t('history.title')}>
      <h2>{t('history.title')}</h2>
      <label>
        <span>{t('history.searchLabel')}</span>
        <input value={query} placeholder={t('history.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {!query.trim() && <h3>{t('history.today')}</h3>}
      {sales.length === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <table aria-label={t('history.title')}>
          <thead>
            <tr>
              <th scope="col">{t('history.receiptNo')}</th>
              <th scope="col">{t('history.time')}</th>
              <th scope="col">{t('history.cashier')}</th>
              <th scope="col" className="num">
                {t('history.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sales.map((sale) => {
              const number = receiptNumber(sale.tillId, sale.seq);
              return (
                <tr key={sale.id} aria-selected={selected?.id === sale.id}>
                  <td>
                    <button
                      type="button"
                      aria-label={t('history.open', { number })}
                      onClick={() => {
                        setSelected(sale);
                        setDuplicate(undefined);
                      }}
                    >
                      {number}
                    </button>
                  </td>
                  <td>{formatTime(sale.completedAt, locale)}</td>
                  <td>{staffName(sale.staffId)}</td>
                  <td className="num">{formatMoney(sale.total, sale.record.payload.currency, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {selected && (
        <>
          <button type="button" onClick={() => void reprint(selected.id).then((n) => n && setDuplicate(n))}>
            {t('done.reprint')}
          </button>
          <ReceiptView record={selected.record} {...(duplicate ? { duplicate } : {})} />
        </>
      )}
      <button type="button" className="back" onClick={() => setPanel('search')}>
        {t('actions.back')}
      </button>
    </div>
  );
}
