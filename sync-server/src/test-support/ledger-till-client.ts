import type { Hub } from '../server';

/** A till's calls to the ledgers' routes, through fastify.inject (tests). */
export function ledgerTillClient(hub: Hub, token: string) {
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await hub.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
    return { status: res.statusCode, body: res.json<Record<string, unknown>>(), headers: res.headers };
  };
  return {
    call,
    balance: (customerId: string, programId: string) => call('GET', `/api/v1/till/loyalty/members/${customerId}?programId=${programId}`),
    reserve: (body: Record<string, unknown>) => call('POST', '/api/v1/till/loyalty/reservations', body),
    consume: (reservationId: string, body: Record<string, unknown>) =>
      call('POST', `/api/v1/till/loyalty/reservations/${reservationId}/consume`, body),
    release: (reservationId: string, body: Record<string, unknown>) =>
      call('POST', `/api/v1/till/loyalty/reservations/${reservationId}/release`, body),
    lookup: (code: string) => call('POST', '/api/v1/till/cards/lookup', { code }),
    reserveCard: (body: Record<string, unknown>) => call('POST', '/api/v1/till/cards/reservations', body),
    spendCard: (cardId: string, reservationId: string, body: Record<string, unknown>) =>
      call('POST', `/api/v1/till/cards/${cardId}/reservations/${reservationId}/consume`, body),
    releaseCard: (cardId: string, reservationId: string) =>
      call('POST', `/api/v1/till/cards/${cardId}/reservations/${reservationId}/release`),
    sellGiftCard: (body: Record<string, unknown>) => call('POST', '/api/v1/till/gift-cards', body),
    reload: (cardId: string, body: Record<string, unknown>) => call('POST', `/api/v1/till/gift-cards/${cardId}/reloads`, body),
    refund: (cardId: string, body: Record<string, unknown>) => call('POST', `/api/v1/till/cards/${cardId}/refunds`, body),
    storeCredit: (body: Record<string, unknown>) => call('POST', '/api/v1/till/store-credits', body),
  };
}

/** An instant `minutes` from now, as the ledgers write them: a reservation's end. */
export function minutesFromNow(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}
