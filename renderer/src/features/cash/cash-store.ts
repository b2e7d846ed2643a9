import type { CashSessionView } from '@pos/core';
import { create } from 'zustand';
import { services } from '../../state/services';

/** The cash screens, one at a time (each an overlay): the menu, then what it opens. */
export type CashScreen = 'home' | 'open' | 'move' | 'x' | 'close' | 'closings';

type CashState = {
  /** The session as the host tells it; null until asked, or when the host has no cash sessions. */
  view: CashSessionView | null;
  screen: CashScreen | null;
};

export const useCashStore = create<CashState>()(() => ({ view: null, screen: null }));

export function showCashScreen(screen: CashScreen | null): void {
  useCashStore.setState({ screen });
}

/**
 * Asks the host where the till's session stands. A host without cash sessions (or not answering)
 * leaves the view unknown: the sale screen then offers nothing.
 */
export async function refreshCashState(): Promise<CashSessionView | null> {
  try {
    const view = await services().bridge.invoke('cash.state');
    useCashStore.setState({ view });
    return view;
  } catch {
    useCashStore.setState({ view: null });
    return null;
  }
}

/**
 * The session a sale must carry (the host refuses a sale of no session, or of another, while one
 * is open), or undefined when none is open. For the code that builds the sale (buildSale's sessionId).
 */
export function saleSessionId(): string | undefined {
  const { view } = useCashStore.getState();
  return view && view.state !== 'none' ? view.sessionId : undefined;
}
