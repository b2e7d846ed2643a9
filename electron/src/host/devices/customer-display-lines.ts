import type { CustomerDisplayState } from '@pos/core';
import { changeScreen, idleScreen, itemScreen, thanksScreen, totalScreen, type DisplayLines } from '@pos/hardware/common';

/** The two 20-character lines of the pole display for what the customer window shows. */
export function poleDisplayLines(state: CustomerDisplayState, locale: 'fr' | 'en', storeName: string): DisplayLines {
  const money = { locale, currency: state.currency };
  if (state.phase === 'idle') return idleScreen(storeName, money);
  if (state.phase === 'paid')
    return state.change !== undefined && state.change > 0
      ? changeScreen(state.total + state.change, state.change, money)
      : thanksScreen(money);
  const last = state.lines.at(-1);
  return last ? itemScreen(last, state.total, money) : totalScreen(state.total, money);
}
