import { maskCardCode, parseCardCode, PosError } from '@pos/core';
import type { HostContext } from '../../host-context';

type Reservation = { cardId: string; amount: number; state: 'open' | 'consumed' | 'released' };

/**
 * The hub's card routes as the host calls them, in memory (the real routes are tested with the
 * hub, and end to end in tests/sync/ledgers-online.test.ts): one card per code, reservations
 * idempotent by id, a spend once per sale and tender, and a switch to be offline.
 */
export class FakeCardHub {
  readonly balances = new Map<string, number>();
  readonly reservations = new Map<string, Reservation>();
  readonly spends = new Map<string, number>();
  /** Every request the hub received (not those made offline), `METHOD path`. */
  readonly calls: string[] = [];
  online = true;

  constructor(cards: Readonly<Record<string, number>>) {
    for (const [code, amount] of Object.entries(cards)) this.balances.set(this.cardIdOf(code), amount);
  }

  cardIdOf(code: string): string {
    const plain = code.replace(/-/g, '');
    return `card_${plain.toLowerCase().padEnd(32, '0').slice(0, 32)}`;
  }

  /** Plugs it into a host in place of its HubClient's online path. */
  install(ctx: HostContext): void {
    Object.defineProperty(ctx.hub, 'enrolled', { get: () => true, configurable: true });
    (ctx.hub as { send: unknown }).send = (method: string, pathname: string, body?: unknown) => this.send(method, pathname, body);
  }

  available(cardId: string): number {
    let held = 0;
    for (const r of this.reservations.values()) if (r.cardId === cardId && r.state === 'open') held += r.amount;
    return (this.balances.get(cardId) ?? 0) - held;
  }

  private refuse(status: number, hubCode: string): never {
    throw new PosError('HUB_REFUSED', hubCode, { status, hubCode });
  }

  private async send(method: string, pathname: string, body?: unknown): Promise<unknown> {
    if (!this.online) throw new PosError('HUB_UNREACHABLE', 'The hub cannot be reached (test)');
    this.calls.push(`${method} ${pathname}`);
    const b = (body ?? {}) as Record<string, unknown>;
    if (pathname === '/api/v1/till/cards/lookup' || pathname === '/api/v1/till/cards/reservations') {
      const parsed = parseCardCode(String(b.code));
      if (!parsed.ok) this.refuse(422, parsed.code);
      const cardId = this.cardIdOf(parsed.code);
      if (!this.balances.has(cardId)) this.refuse(404, 'card_not_issued');
      const maskedCode = maskCardCode(parsed.code);
      if (pathname.endsWith('lookup'))
        return { cardId, maskedCode, kind: 'gift_card', currency: 'EUR', status: 'active', available: this.available(cardId), reserved: 0 };
      const id = String(b.reservationId);
      const amount = Number(b.amount);
      if (!this.reservations.has(id)) {
        if (amount > this.available(cardId)) this.refuse(409, 'insufficient_balance');
        this.reservations.set(id, { cardId, amount, state: 'open' });
      }
      return { cardId, maskedCode, reservationId: id, amount, until: String(b.until), available: this.available(cardId) };
    }
    const match = /^\/api\/v1\/till\/cards\/([^/]+)\/reservations\/([^/]+)\/(consume|release)$/.exec(pathname);
    if (!match) this.refuse(404, 'not_found');
    const [, cardId, id, what] = match;
    const reservation = this.reservations.get(id!);
    if (!reservation || reservation.cardId !== cardId) this.refuse(409, 'reservation_not_open');
    if (what === 'consume') {
      const key = `${String(b.saleId)}:${String(b.tenderId)}`;
      if (!this.spends.has(key)) {
        if (reservation.state !== 'open') this.refuse(409, 'reservation_not_open');
        reservation.state = 'consumed';
        this.balances.set(cardId!, this.balances.get(cardId!)! - Number(b.amount));
        this.spends.set(key, Number(b.amount));
      }
      return { cardId, entryId: `redeem:${key}`, amount: Number(b.amount), available: this.available(cardId!) };
    }
    const released = reservation.state === 'open';
    if (released) reservation.state = 'released';
    return { reservationId: id, cardId, released, available: this.available(cardId!) };
  }
}
