import { isSaleV1, problem, saleRefusal, type CashSessionState, type SalePayload, type SaleProblem } from '@pos/core';
import type { CashSettings } from './cash-settings';

/**
 * Whether a sale may be sealed in the till's cash session. The host stamps nothing on the sale: the
 * page's sale carries its `sessionId`, which must be the open session's. With no session open, a
 * store whose `cashSession` is 'optional' (the default) takes sales without a session id; one that
 * requires a session refuses them. A session being counted, or open more than 24 h, takes none.
 */
export function saleSessionProblems(
  sale: SalePayload,
  state: CashSessionState,
  settings: CashSettings,
  now: string,
  dayClosed: (businessDate: string) => boolean = () => false,
): SaleProblem[] {
  const sessionId = isSaleV1(sale) ? sale.sessionId : undefined;
  // A closed business day never changes: a sale of it afterwards would be in no daily closing.
  if (isSaleV1(sale) && typeof sale.businessDate === 'string' && dayClosed(sale.businessDate))
    return [problem('session', `the business day ${sale.businessDate} is closed`)];
  if (state.status === 'open' || state.status === 'closing') {
    const refusal = saleRefusal(state, now);
    if (refusal === 'session-too-long')
      return [problem('session', `cash session ${state.session.sessionId} has been open more than 24 hours: close it first`)];
    if (refusal) return [problem('session', `cash session ${state.session.sessionId} is being counted: no sale until it is closed`)];
    if (sessionId !== state.session.sessionId)
      return [problem('session', `the sale must carry the open cash session ${state.session.sessionId}, not ${sessionId ?? 'none'}`)];
    return [];
  }
  if (settings.cashSession === 'required') return [problem('session', 'no cash session is open: open one with its float first')];
  if (sessionId !== undefined) return [problem('session', `cash session ${sessionId} is not open on this till`)];
  return [];
}
