import { cartTotals, voucherTotal } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { useRatesNow } from '../../state/use-rates-now';
import { VoucherLines } from '../gift-cards/VoucherLines';

export function CartSummary() {
  const { t } = useTranslation();
  const cart = useCartStore((s) => s.cart);
  const locale = intlLocale(useAppStore((s) => s.locale));
  const rates = useRatesNow();
  const totals = cartTotals(cart, rates);
  const vat = totals.vat.reduce((sum, row) => sum + row.vat, 0);
  const money = (amount: number) => formatMoney(amount, cart.currency, locale);
  return (
    <dl className="cart-summary" aria-label={t('sale.total')}>
      {cart.customer && (
        <div className="cart-customer">
          <dt>{t('customers.attached', { name: cart.customer.label })}</dt>
          <dd />
        </div>
      )}
      <div>
        <dt>{t('sale.items', { count: totals.itemCount })}</dt>
        <dd />
      </div>
      {totals.discountTotal > 0 && (
        <>
          <div>
            <dt>{t('sale.subtotal')}</dt>
            <dd>{money(totals.lines.reduce((a, l) => a + l.gross, 0))}</dd>
          </div>
          {totals.promotionTotal > 0 && (
            <div>
              <dt>{t('sale.promotions')}</dt>
              <dd>{money(-totals.promotionTotal)}</dd>
            </div>
          )}
          {cart.cartDiscountBp ? (
            <div>
              <dt>{t('sale.cartDiscount', { rate: formatPercent(cart.cartDiscountBp, locale) })}</dt>
              <dd>{money(-totals.cartDiscount)}</dd>
            </div>
          ) : null}
          {cart.reward && totals.rewardTotal > 0 ? (
            <div>
              <dt>{t('rewards.inCart', { points: cart.reward.points })}</dt>
              <dd>{money(-totals.rewardTotal)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('sale.discounts')}</dt>
            <dd>{money(-totals.discountTotal)}</dd>
          </div>
        </>
      )}
      <div className="grand-total">
        <dt>{t('sale.total')}</dt>
        <dd data-testid="cart-total">{money(totals.total + voucherTotal(cart))}</dd>
      </div>
      <VoucherLines />
      {cart.lines.length > 0 && (
        <div className="vat-included">
          <dt>{t('sale.vatIncluded')}</dt>
          <dd>{money(vat)}</dd>
        </div>
      )}
    </dl>
  );
}
