import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { useCartStore } from '../../state/cart-store';
import { openPayment } from '../payment/payment-actions';
import { openReturns } from '../returns/return-actions';
import { chooseCustomer } from '../customers/customer-actions';
import { presentCoupon } from '../coupons/coupon-actions';
import { spendPoints } from '../loyalty/reward-actions';
import { sellGiftCard } from '../gift-cards/gift-card-actions';
import { discountCart, discountLine, editQuantity, overrideSelectedPrice, removeSelectedLine } from './line-actions';
import { parkSale, voidSale } from './sale-lifecycle';

type Action = {
  /** The key as ARIA names it (aria-keyshortcuts: "Delete", "Control+Delete"). */
  readonly key: string;
  /** The key as printed on the cashier's keyboard, from the dictionary (Suppr in French, Delete in English). */
  readonly keyLabel: string;
  readonly label: string;
  readonly run: () => unknown;
  readonly disabled?: boolean;
  readonly primary?: boolean;
};

/** Touch targets for every keyboard action, each labelled with its key. */
export function ActionBar() {
  const { t } = useTranslation();
  const setPanel = useAppStore((s) => s.setPanel);
  const empty = useCartStore((s) => s.cart.lines.length === 0);
  // A gift card sold alone is a sale to pay, with no goods line.
  const nothingToPay = useCartStore((s) => s.cart.lines.length === 0 && !s.cart.vouchers?.length);
  // Nothing can be sealed: no sale can end, so none is rung up (parked sales and the history stay readable).
  const stopped = useAppStore((s) => s.fiscal.state === 'stopped');
  const noMember = useCartStore((s) => !s.cart.customer);
  const actions: Action[] = [
    { key: 'F3', keyLabel: 'F3', label: t('actions.quantity'), run: editQuantity, disabled: empty || stopped },
    { key: 'F4', keyLabel: 'F4', label: t('actions.lineDiscount'), run: discountLine, disabled: empty || stopped },
    { key: 'F5', keyLabel: 'F5', label: t('actions.cartDiscount'), run: discountCart, disabled: empty || stopped },
    { key: 'F6', keyLabel: 'F6', label: t('actions.priceOverride'), run: overrideSelectedPrice, disabled: empty || stopped },
    { key: 'Delete', keyLabel: 'Delete', label: t('actions.removeLine'), run: removeSelectedLine, disabled: empty || stopped },
    { key: 'F7', keyLabel: 'F7', label: t('actions.park'), run: parkSale, disabled: empty },
    { key: 'F8', keyLabel: 'F8', label: t('actions.parked'), run: () => setPanel('parked') },
    { key: 'F9', keyLabel: 'F9', label: t('actions.history'), run: () => setPanel('history') },
    { key: 'F10', keyLabel: 'F10', label: t('returns.action'), run: openReturns, disabled: stopped },
    { key: 'F11', keyLabel: 'F11', label: t('customers.action'), run: chooseCustomer, disabled: stopped },
    { key: 'Alt+C', keyLabel: 'AltC', label: t('coupons.action'), run: presentCoupon, disabled: empty || stopped },
    { key: 'Alt+P', keyLabel: 'AltP', label: t('rewards.action'), run: spendPoints, disabled: empty || noMember || stopped },
    { key: 'Alt+G', keyLabel: 'AltG', label: t('giftCards.action'), run: sellGiftCard, disabled: stopped },
    { key: 'Control+Delete', keyLabel: 'CtrlDelete', label: t('actions.voidSale'), run: voidSale, disabled: empty || stopped },
    { key: 'F12', keyLabel: 'F12', label: t('actions.pay'), run: openPayment, disabled: nothingToPay || stopped, primary: true },
  ];
  return (
    <nav className="action-bar" aria-label={t('actions.barLabel')}>
      {actions.map((a) => (
        <button
          key={a.key}
          type="button"
          className={a.primary ? 'primary' : undefined}
          disabled={a.disabled}
          aria-keyshortcuts={a.key}
          onClick={() => Promise.resolve(a.run()).catch(notifyError)}
        >
          <span className="action-label">{a.label}</span>
          <kbd>{t(`keyLabels.${a.keyLabel}`)}</kbd>
        </button>
      ))}
    </nav>
  );
}
