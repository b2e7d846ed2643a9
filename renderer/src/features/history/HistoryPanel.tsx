import { businessDate, receiptNumber, saleReceiptNumber, type SaleDoc } from '@pos/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore } from '../../state/app-store';
import { services, staffName, useStoreProfile } from '../../state/services';
import { businessDateLabel } from '../cash/money-words';
import { ReceiptView } from '../receipt/ReceiptView';
import { reprint } from '../receipt/reprint';
import { byBusinessDate, parseReceiptNumber, recentSales, saleByReceiptNumber } from './history-queries';
import { SearchOutcome, type Search } from './SearchOutcome';

/** What the search box asks for: today's list, one receipt number, or text that is no receipt number. */
function searchOf(query: string, tillId: string): Search {
  const text = query.trim();
  if (text === '') return { kind: 'today' };
  const seq = parseReceiptNumber(text);
  return seq === null ? { kind: 'invalid', text } : { kind: 'number', seq, number: receiptNumber(tillId, seq) };
}

/**
 * The sales of this till's current and previous business days, newest first, under the store's
 * business date (a sale at 01:30 with a 04:00 day start is the day before's), or one found by its
 * receipt number; any can be reprinted.
 */
export function HistoryPanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const tillId = useAppStore((s) => s.tillId);
  const setPanel = useAppStore((s) => s.setPanel);
  const { timeZone, dayStartHour } = useStoreProfile();
  const settings = useMemo(() => ({ timeZone, dayStartHour: dayStartHour ?? 0 }), [timeZone, dayStartHour]);
  const dates = useStoreDates();
  const [query, setQuery] = useState('');
  // null while the search runs: neither the previous answer nor "none" is shown for a new question.
  const [sales, setSales] = useState<SaleDoc[] | null>(null);
  const [selected, setSelected] = useState<SaleDoc | null>(null);
  const [duplicate, setDuplicate] = useState<number | undefined>();
  const search = useMemo(() => searchOf(query, tillId), [query, tillId]);

  useEffect(() => {
    let cancelled = false;
    const { db } = services();
    const load =
      search.kind === 'today'
        ? recentSales(db.docs, settings)
        : search.kind === 'number'
          ? saleByReceiptNumber(db.docs, search.seq).then((s) => (s ? [s] : []))
          : Promise.resolve([]);
    setSales(null);
    // A receipt open from the previous search would read as the answer to this one, reprint button and all.
    setSelected(null);
    setDuplicate(undefined);
    void load.then((found) => !cancelled && setSales(found));
    return () => {
      cancelled = true;
    };
  }, [search, settings]);
  const today = businessDate(new Date().toISOString(), settings);
  const dayTitle = (date: string) => t(date === today ? 'history.today' : 'history.day', { date: businessDateLabel(date, locale) });

  return (
    <div className="history-panel" role="region" aria-label={t('history.title')}>
      <h2>{t('history.title')}</h2>
      <label>
        <span>{t('history.searchLabel')}</span>
        <input value={query} placeholder={t('history.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {sales !== null && sales.length === 0 ? (
        <SearchOutcome search={search} />
      ) : (
        sales !== null &&
        byBusinessDate(sales, settings).map((day) => (
          <section key={day.businessDate}>
            <h3>{dayTitle(day.businessDate)}</h3>
            <table aria-label={dayTitle(day.businessDate)}>
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
                {day.sales.map((sale) => {
                  const number = saleReceiptNumber(sale.record);
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
                      <td>{dates.time(sale.completedAt)}</td>
                      <td>{staffName(sale.staffId)}</td>
                      <td className="num">{formatMoney(sale.total, sale.record.payload.currency, locale)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))
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
