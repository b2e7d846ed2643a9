import { cartTotals, type CartDoc } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { services, staffName } from '../../state/services';
import { useRatesNow } from '../../state/use-rates-now';
import { resumeSale } from '../sale/sale-lifecycle';

export function ParkedPanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const setPanel = useAppStore((s) => s.setPanel);
  const dates = useStoreDates();
  const [parked, setParked] = useState<CartDoc[]>([]);
  const me = useAppStore((s) => s.staff?.id);
  // The signed-in person's own parked carts first (a quick switch parked them under their name), then the others'.
  const ordered = [...parked.filter((d) => d.staffId === me), ...parked.filter((d) => d.staffId !== me)];

  useEffect(() => {
    const subscription = services()
      .db.docs.carts.find({ selector: { status: 'parked' }, sort: [{ updatedAt: 'desc' }] })
      .$.subscribe((docs) => setParked(docs.map((d) => d.toJSON() as CartDoc)));
    return () => subscription.unsubscribe();
  }, []);

  const rates = useRatesNow();
  return (
    <div className="parked-panel" role="region" aria-label={t('parked.title')}>
      <h2>{t('parked.title')}</h2>
      {parked.length === 0 && <p>{t('parked.none')}</p>}
      <ul>
        {ordered.map((doc) => (
          <li key={doc.id}>
            <span>
              {dates.dateTime(doc.updatedAt)} · {staffName(doc.staffId)} · {t('parked.lines', { count: doc.cart.lines.length })} ·{' '}
              {formatMoney(cartTotals(doc.cart, rates).total, doc.cart.currency, locale)}
            </span>
            <button type="button" onClick={() => void resumeSale(doc.id).catch(notifyError)}>
              {t('parked.resume')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="back" onClick={() => setPanel('search')}>
        {t('actions.back')}
      </button>
    </div>
  );
}
