import { useEffect } from 'react';
import { signOut } from '../../app/boot';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { cartActions } from '../../state/cart-store';
import { overlayOpen } from '../../state/overlay-store';
import { shortcutOf } from '../help/shortcuts';
import { openPayment } from '../payment/payment-actions';
import { openReturns } from '../returns/return-actions';
import { chooseCustomer } from '../customers/customer-actions';
import { presentCoupon } from '../coupons/coupon-actions';
import { spendPoints } from '../loyalty/reward-actions';
import { sellGiftCard } from '../gift-cards/gift-card-actions';
import { discountCart, discountLine, editQuantity, overrideSelectedPrice, removeSelectedLine, stepQuantity } from './line-actions';
import { parkSale, voidSale } from './sale-lifecycle';

function inTextField(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
}

/**
 * The sale screen's keys (see features/help/shortcuts.ts, which the help overlay lists). None acts
 * while a dialog or panel covers the screen: that one takes the keys (features/dialogs/use-overlay).
 */
export function useSaleShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (overlayOpen()) return;
      const id = shortcutOf(event);
      if (!id) return;
      const app = useAppStore.getState();
      const typing = inTextField();
      if (typing && (id === 'Delete' || id === 'ArrowUpDown' || id === 'PlusMinus')) return;
      event.preventDefault();
      const run = (action: () => unknown) => Promise.resolve(action()).catch(notifyError);
      switch (id) {
        case 'F1':
          return app.toggleHelp();
        case 'F2':
          app.setPanel('search');
          return app.setSearchText(app.searchText, true);
        case 'F3':
          return void run(editQuantity);
        case 'F4':
          return void run(discountLine);
        case 'F5':
          return void run(discountCart);
        case 'F6':
          return void run(overrideSelectedPrice);
        case 'F7':
          return void run(parkSale);
        case 'F8':
          return app.setPanel('parked');
        case 'F9':
          return app.setPanel('history');
        case 'F10':
          return openReturns();
        case 'F11':
          return void run(chooseCustomer);
        case 'F12':
          return void run(openPayment);
        case 'Delete':
          return removeSelectedLine();
        case 'ArrowUpDown':
          return cartActions.moveSelection(event.key === 'ArrowUp' ? -1 : 1);
        case 'PlusMinus':
          return stepQuantity(event.key === '+' ? 1 : -1);
        case 'CtrlDelete':
          return void run(voidSale);
        case 'Escape':
          return app.setPanel('search');
        case 'AltL':
          return void run(signOut);
        case 'AltG':
          return void run(sellGiftCard);
        case 'AltC':
          return void run(presentCoupon);
        case 'AltP':
          return void run(spendPoints);
        case 'Enter':
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
