import type { CustomerDisplayState } from '@pos/core';
import { joinLinkFor } from '@pos/core/signup/join-link';
import { customerDisplayState } from '../features/customer-display/display-state';
import { digitalReceiptLink } from '../features/receipt/digital-link';
import { useAppStore } from '../state/app-store';
import { useCartStore } from '../state/cart-store';
import { ratesAt } from '../state/rates-now';
import { services } from '../state/services';
import { useSyncStore } from '../state/sync-store';

/** Quick scans come in bursts: the displays follow at most this often. */
const FEED_INTERVAL_MS = 150;

/**
 * Keeps the customer's displays (the second window, the pole display) on the cashier's cart.
 * Only changes are sent, at most every FEED_INTERVAL_MS; a display that misses one gets the next.
 */
export function feedCustomerDisplay(): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    timer = null;
    const app = useAppStore.getState();
    if (app.phase !== 'selling') return;
    const { profile, bridge } = services();
    const state: CustomerDisplayState = customerDisplayState(
      { ...useCartStore.getState(), donePanel: app.panel === 'done' },
      ratesAt(profile),
      {
        ...(profile.loyaltySignupUrl ? { loyaltyUrl: profile.loyaltySignupUrl } : {}),
        receiptLink: (record) => digitalReceiptLink(record),
        joinLink: (record) => joinLinkFor(record, profile, useSyncStore.getState().hub?.hubUrl ?? null),
      },
    );
    const text = JSON.stringify(state);
    if (text === last) return;
    last = text;
    bridge.invoke('display.show', state).catch(() => {
      // Not shown: sent again with the next change.
      last = '';
    });
  };
  const schedule = () => {
    timer ??= setTimeout(send, FEED_INTERVAL_MS);
  };
  const offCart = useCartStore.subscribe(schedule);
  // The done panel left (the next customer) and the hub's address known (the receipt link) change what is shown too.
  const offApp = useAppStore.subscribe((s, prev) => {
    if (s.phase !== prev.phase || s.panel !== prev.panel) schedule();
  });
  const offSync = useSyncStore.subscribe((s, prev) => {
    if (s.hub?.hubUrl !== prev.hub?.hubUrl) schedule();
  });
  schedule();
  return () => {
    offCart();
    offApp();
    offSync();
    if (timer) clearTimeout(timer);
  };
}
