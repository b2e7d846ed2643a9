import { PosError } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import type { HostContext } from '../../host-context';

/** The hub's points routes as the host calls them, in memory: one member's balance, reservations by id. */
export class FakePointsHub {
  readonly open = new Map<string, number>();
  /** Consumed reservations: the sale that spent them (the same sale again answers as the first time). */
  readonly consumed = new Map<string, string>();
  readonly calls: string[] = [];
  online = true;

  constructor(private balance: number) {}

  install(ctx: HostContext): void {
    Object.defineProperty(ctx.hub, 'enrolled', { get: () => true, configurable: true });
    (ctx.hub as { send: unknown }).send = (method: string, pathname: string, body?: unknown) => this.send(method, pathname, body);
    // The program the hub would have sent through the host's catalog pull.
    const program = testLoyaltyProgram({
      rewards: [...testLoyaltyProgram().rewards, { id: 'p10', name: '10 %', cost: 300, kind: 'percent-off', bp: 1000, maxAmount: 400 }],
    });
    ctx.loyalty.active = () => program;
    ctx.loyalty.version = (id, version) => (id === program.id && version === program.version ? program : null);
  }

  get available(): number {
    return this.balance - [...this.open.values()].reduce((a, b) => a + b, 0);
  }

  private async send(method: string, pathname: string, body?: unknown): Promise<unknown> {
    if (!this.online) throw new PosError('HUB_UNREACHABLE', 'The hub cannot be reached (test)');
    this.calls.push(`${method} ${pathname}`);
    const b = (body ?? {}) as Record<string, unknown>;
    if (pathname.startsWith('/api/v1/till/loyalty/members/'))
      return { customerId: 'cus-1', programId: 'club', available: this.available, reserved: 0, debt: 0, pendingExpiry: 0, expiring: [] };
    if (pathname === '/api/v1/till/loyalty/reservations') {
      const points = Number(b.points);
      if (points > this.available) throw new PosError('HUB_REFUSED', 'short', { status: 409, hubCode: 'insufficient_points' });
      this.open.set(String(b.reservationId), points);
      return { reservationId: b.reservationId, points, until: b.until, available: this.available };
    }
    const [, id, what] = /^\/api\/v1\/till\/loyalty\/reservations\/([^/]+)\/(release|consume)$/.exec(pathname) ?? [];
    if (id && what === 'release') {
      const released = this.open.delete(id);
      return { reservationId: id, released, available: this.available };
    }
    if (id && what === 'consume') {
      const points = this.open.get(id);
      if (points === undefined && this.consumed.get(id) !== b.saleId)
        throw new PosError('HUB_REFUSED', 'not open', { status: 409, hubCode: 'reservation_not_open' });
      if (points !== undefined) {
        this.open.delete(id);
        this.balance -= points;
        this.consumed.set(id, String(b.saleId));
      }
      return { reservationId: id, available: this.available };
    }
    throw new PosError('HUB_REFUSED', 'not found', { status: 404, hubCode: 'not_found' });
  }
}
