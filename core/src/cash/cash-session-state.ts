import type {
  CashCountPayload,
  CashMovementPayload,
  CashSessionClosePayload,
  CashSessionOpenPayload,
  CashSessionPayload,
} from './cash-session-payloads';

/**
 * Where a till's cash session stands. A till has at most one session that is not closed: `open`
 * (sales and movements go in), `closing` (the blind count is under way: nothing goes in; `count`
 * once it is sealed), then `closed` (kept until the next opening, for its Z).
 */
export type CashSessionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'closing';
      readonly session: CashSessionOpenPayload;
      readonly movements: readonly CashMovementPayload[];
      /** The blind count, once sealed (status `closing`). */
      readonly count?: CashCountPayload;
    }
  | {
      readonly status: 'closed';
      readonly session: CashSessionOpenPayload;
      readonly movements: readonly CashMovementPayload[];
      readonly close: CashSessionClosePayload;
    };

export const NO_CASH_SESSION: CashSessionState = { status: 'none' };

/** A session may take sales and movements for 24 hours; after that it must be closed first. */
export const MAX_SESSION_MS = 24 * 60 * 60 * 1000;

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${iso}`);
  return ms;
}

/** True when the till's session has been open more than 24 hours at `now`: it refuses sales and movements until closed. */
export function mustCloseFirst(state: CashSessionState, now: string): boolean {
  if (state.status !== 'open' && state.status !== 'closing') return false;
  return instant(now) - instant(state.session.openedAt) > MAX_SESSION_MS;
}

function sameSession(state: CashSessionState, payload: CashSessionPayload): CashSessionState & { status: 'open' | 'closing' } {
  if ((state.status !== 'open' && state.status !== 'closing') || state.session.sessionId !== payload.sessionId) {
    throw new RangeError(`A ${payload.type} of session ${payload.sessionId} does not follow an open session`);
  }
  return state;
}

/**
 * The state after a sealed payload: how the host rebuilds a till's session from its records at
 * start (a count under way and not yet sealed leaves the session open; a sealed `cash.count` leaves it
 * closing, with its count).
 * Throws on a payload that cannot follow the state (records out of order).
 */
export function applyCashPayload(state: CashSessionState, payload: CashSessionPayload): CashSessionState {
  switch (payload.type) {
    case 'cash.session.open':
      if (state.status === 'open' || state.status === 'closing') {
        throw new RangeError(`Session ${payload.sessionId} opens while ${state.session.sessionId} is open`);
      }
      return { status: 'open', session: payload, movements: [] };
    case 'cash.movement': {
      const open = sameSession(state, payload);
      return { ...open, movements: [...open.movements, payload] };
    }
    case 'cash.count': {
      const open = sameSession(state, payload);
      if (open.count) throw new RangeError(`Session ${payload.sessionId} is counted twice`);
      return { status: 'closing', session: open.session, movements: open.movements, count: payload };
    }
    case 'cash.session.close': {
      const open = sameSession(state, payload);
      return { status: 'closed', session: open.session, movements: open.movements, close: payload };
    }
  }
}

/** A till's session state from its sealed cash payloads, in the order they were sealed. */
export function cashSessionFrom(payloads: Iterable<CashSessionPayload>): CashSessionState {
  let state = NO_CASH_SESSION;
  for (const payload of payloads) state = applyCashPayload(state, payload);
  return state;
}
