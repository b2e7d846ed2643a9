import { PosError, type CustomerPurchaseView } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { services } from '../../state/services';

type State =
  | { readonly state: 'loading' }
  | { readonly state: 'shown'; readonly purchases: readonly CustomerPurchaseView[]; readonly next: string | null; readonly more: boolean }
  | { readonly state: 'offline' }
  | { readonly state: 'failed' };

/**
 * A customer's purchases in every store and channel, from the hub (online only): when, where, the
 * receipt, the total and the items, newest first, older ones on request. Offline it says the
 * history needs the hub; the sale goes on without it.
 */
export function CustomerHistory({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const dates = useStoreDates();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const currency = useCartStore((s) => s.cart.currency);
  const [view, setView] = useState<State>({ state: 'loading' });

  const load = async (after?: string, live: () => boolean = () => true) => {
    try {
      const page = await services().bridge.invoke('customers.history', after === undefined ? { customerId } : { customerId, after });
      if (!live()) return;
      setView((before) => ({
        state: 'shown',
        purchases: [...(before.state === 'shown' && after !== undefined ? before.purchases : []), ...page.purchases],
        next: page.next,
        more: false,
      }));
    } catch (e) {
      if (live()) setView({ state: e instanceof PosError && e.code === 'HUB_UNREACHABLE' ? 'offline' : 'failed' });
    }
  };

  useEffect(() => {
    // An answer for a customer no longer shown (the dialog moved on) is dropped.
    let live = true;
    setView({ state: 'loading' });
    void load(undefined, () => live);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one load per customer shown
  }, [customerId]);

  return (
    <section aria-label={t('customers.history.title', { name })}>
      <h3>{t('customers.history.title', { name })}</h3>
      {view.state === 'loading' && <p role="status">{t('customers.history.loading')}</p>}
      {view.state === 'offline' && <p role="status">{t('customers.history.offline')}</p>}
      {view.state === 'failed' && <p role="alert">{t('customers.history.failed')}</p>}
      {view.state === 'shown' && view.purchases.length === 0 && <p role="status">{t('customers.history.none')}</p>}
      {view.state === 'shown' && view.purchases.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('customers.history.date')}</th>
              <th scope="col">{t('customers.history.store')}</th>
              <th scope="col">{t('customers.history.receipt')}</th>
              <th scope="col">{t('customers.history.items')}</th>
              <th scope="col">{t('customers.history.total')}</th>
            </tr>
          </thead>
          <tbody>
            {view.purchases.map((p) => (
              <tr key={`${p.receipt}-${p.at}`}>
                <td>{dates.dateTime(p.at)}</td>
                <td>{p.storeName}</td>
                <td>{p.receipt}</td>
                <td className="quantity">{p.items}</td>
                <td className="amount">{formatMoney(p.total, currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.state === 'shown' && view.next !== null && (
        <button
          type="button"
          disabled={view.more}
          onClick={() => {
            setView({ ...view, more: true });
            void load(view.next!);
          }}
        >
          {t('customers.history.more')}
        </button>
      )}
    </section>
  );
}
