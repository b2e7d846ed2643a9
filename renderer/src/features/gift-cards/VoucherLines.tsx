import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { cartActions, useCartStore } from '../../state/cart-store';

/** The cart's gift cards in its summary, apart from its goods (outside VAT, added to what is paid), each removable. */
export function VoucherLines() {
  const { t } = useTranslation();
  const cart = useCartStore((s) => s.cart);
  const locale = intlLocale(useAppStore((s) => s.locale));
  if (!cart.vouchers?.length) return null;
  return (
    <>
      {cart.vouchers.map((v) => (
        <div key={v.lineId} className="voucher-line">
          <dt>{t(v.operation === 'reload' ? 'giftCards.reloadLine' : 'giftCards.sellLine')}</dt>
          <dd>
            {formatMoney(v.amount, cart.currency, locale)}{' '}
            <button type="button" onClick={() => cartActions.removeVoucher(v.lineId)}>
              {t('giftCards.remove')}
            </button>
          </dd>
        </div>
      ))}
      <div className="voucher-note">
        <dt>{t('giftCards.outsideVat')}</dt>
        <dd />
      </div>
    </>
  );
}
