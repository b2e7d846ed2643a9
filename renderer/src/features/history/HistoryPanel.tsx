import { receiptNumber, saleReceiptNumber, type SaleDoc } from '@pos/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore } from '../../state/app-store';
import { services, staffName, useStoreProfile } from '../../state/services';
import { ReceiptView } from '../receipt/ReceiptView';
import { reprint } from '../receipt/reprint';
import { parseReceiptNumber, saleByReceiptNumber, salesOfToday } from './history-queries';
import { SearchOutcome, type Search } from './SearchOutcome';

/** What the search box asks for: today's list, one receipt number, or text that is no receipt number. */
function searchOf(query: string, tillId: string): Search {
  const text = query.trim();
  if (text === '') return { kind: 'today' };
  const seq = parseReceiptNumber(text);
  return seq === null ? { kind: 'invalid', text } : { kind: 'number', seq, number: receiptNumber(tillId, seq) };
}

/** Today's sales of this till, newest first, or one found by its receipt number; any can be reprinted. */
export function HistoryPanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const tillId = useAppStore((s) => s.tillId);
  const setPanel = useAppStore((s) => s.setPanel);
  const { timeZone } = useStoreProfile();
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
        ? salesOfToday(db.docs, timeZone)
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
  }, [search, timeZone]);

  return (
    <div className="history-panel" role="region" aria-label={t('history.title')}>
      <h2>{t('history.title')}</h2>
      <label>
        <span>{t('history.searchLabel')}</span>
        <input value={query} placeholder={t('history.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {search.kind === 'today' && <h3>{t('history.today')}</h3>}
      {sales !== null && sales.length === 0 ? (
        <SearchOutcome search={search} />
      ) : (
        sales !== null && (
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
        )
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
