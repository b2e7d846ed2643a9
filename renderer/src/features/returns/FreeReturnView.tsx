import type { Product } from '@pos/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchCatalog } from '../../db/catalog-search';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { services } from '../../state/services';
import { RefundBar } from './RefundBar';
import { refundFreeAsStoreCredit } from '../gift-cards/store-credit-return';
import type { ReturnState } from './return-store';
import { addFreeProduct, freeTotal, lessFree, refundWithoutReceipt } from './without-receipt';

/** The catalog's answer to what was typed (a few products), kept for the query it answers. */
function useProductSearch(query: string): readonly Product[] {
  const [found, setFound] = useState<{ query: string; products: readonly Product[] }>({ query: '', products: [] });
  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) return;
    let live = true;
    void searchCatalog(services().db.catalog, text, 8).then(
      (products) => live && setFound({ query: text, products }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [query]);
  return found.query === query.trim() ? found.products : [];
}

/** No receipt: the goods picked from the catalog (or scanned), refunded in cash at today's price, as a manager approved. */
export function FreeReturnView({ state }: { state: ReturnState }) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [query, setQuery] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const products = useProductSearch(query);
  const free = state.free!;
  const busy = state.busy || state.step === 'refunding';
  const money = (amount: number) => formatMoney(amount, free.cart.currency, locale);
  useEffect(() => field.current?.focus(), []);
  const total = freeTotal();
  return (
    <>
      <p className="returns-receipt">{t('returns.freeNote', { name: free.approverName })}</p>
      <label className="returns-find">
        {t('returns.productSearch')}
        <input ref={field} value={query} autoComplete="off" spellCheck={false} onChange={(e) => setQuery(e.target.value)} disabled={busy} />
      </label>
      {products.length > 0 && (
        <ul className="returns-products" aria-label={t('returns.productResults')}>
          {products.map((p) => (
            <li key={p.id}>
              <button type="button" disabled={busy} onClick={() => addFreeProduct(p)}>
                {t('returns.addProduct', { name: p.name, price: money(p.price) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {free.cart.lines.length > 0 && (
        <div className="returns-table-wrap">
          <table className="returns-table" aria-label={t('returns.freeLines')}>
            <thead>
              <tr>
                <th scope="col">{t('returns.product')}</th>
                <th scope="col">{t('returns.back')}</th>
              </tr>
            </thead>
            <tbody>
              {free.cart.lines.map((line) => (
                <tr key={line.lineId} data-chosen>
                  <th scope="row">{line.name}</th>
                  <td className="returns-quantity">
                    <button
                      type="button"
                      aria-label={t('returns.less', { name: line.name })}
                      disabled={busy}
                      onClick={() => lessFree(line.lineId)}
                    >
                      −
                    </button>
                    <output>{line.quantity}</output>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RefundBar amount={total} currency={free.cart.currency} state={state}>
        <button type="button" onClick={() => void refundFreeAsStoreCredit()} disabled={busy || total === 0}>
          {t('giftCards.storeCredit')}
        </button>
        <button type="button" className="primary" onClick={() => void refundWithoutReceipt()} disabled={busy || total === 0}>
          {t('returns.refundCash')}
        </button>
      </RefundBar>
    </>
  );
}
