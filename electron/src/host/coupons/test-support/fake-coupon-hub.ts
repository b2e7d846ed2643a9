import { PosError } from '@pos/core';
import type { HostContext } from '../../host-context';

type Use = { promotionId: string; code: string; state: 'reserved' | 'consumed' | 'released'; saleId?: string };

/**
 * The hub's coupon routes as the host calls them, in memory (the real routes are tested with the
 * hub, and end to end in tests/sync/coupons-online.test.ts): each code names a promotion, a
 * single-use code is held once, a reservation consumed once per sale, and a switch to be offline.
 */
export class FakeCouponHub {
  readonly uses = new Map<string, Use>();
  readonly calls: string[] = [];
  online = true;
  block: { code: string; promotionId: string }[] = [];

  constructor(private readonly codes: Readonly<Record<string, string>>) {}

  install(ctx: HostContext): void {
    Object.defineProperty(ctx.hub, 'enrolled', { get: () => true, configurable: true });
    (ctx.hub as { send: unknown }).send = (method: string, pathname: string, body?: unknown) => this.send(method, pathname, body);
  }

  consumed(): Use[] {
    return [...this.uses.values()].filter((u) => u.state === 'consumed');
  }

  private refuse(status: number, hubCode: string): never {
    throw new PosError('HUB_REFUSED', hubCode, { status, hubCode });
  }

  private async send(method: string, pathname: string, body?: unknown): Promise<unknown> {
    if (!this.online) throw new PosError('HUB_UNREACHABLE', 'The hub cannot be reached (test)');
    this.calls.push(`${method} ${pathname}`);
    const b = (body ?? {}) as Record<string, string | number>;
    if (pathname === '/api/v1/till/coupons/block' && method === 'GET') return { codes: this.block };
    if (pathname === '/api/v1/till/coupons/block') {
      this.block = [...this.block, { code: `TOPUP${this.block.length}AAAAAA`.slice(0, 12), promotionId: String(b.promotionId) }];
      return { added: 1 };
    }
    if (pathname === '/api/v1/till/coupons/redemptions') {
      this.uses.set(`offline:${b.saleId}`, {
        promotionId: String(b.promotionId),
        code: String(b.code),
        state: 'consumed',
        saleId: String(b.saleId),
      });
      return { saleId: b.saleId, code: b.code, recorded: true };
    }
    if (pathname === '/api/v1/till/coupons/reservations') {
      const code = String(b.code);
      const promotionId = this.codes[code];
      if (!promotionId) this.refuse(404, 'coupon_unknown');
      const id = String(b.reservationId);
      if (!this.uses.has(id)) {
        if ([...this.uses.values()].some((u) => u.code === code && u.state !== 'released')) this.refuse(409, 'coupon_used');
        this.uses.set(id, { promotionId, code, state: 'reserved' });
      }
      return { reservationId: id, promotionId, version: 1, code, kind: 'single-use', until: String(b.until) };
    }
    const match = /^\/api\/v1\/till\/coupons\/reservations\/([^/]+)\/(consume|release)$/.exec(pathname);
    if (!match) this.refuse(404, 'not_found');
    const use = this.uses.get(match[1]!);
    if (!use) this.refuse(409, 'coupon_not_open');
    if (match[2] === 'consume') {
      if (use.state === 'consumed' && use.saleId !== b.saleId) this.refuse(409, 'coupon_not_open');
      use.state = 'consumed';
      use.saleId = String(b.saleId);
      return { reservationId: match[1], saleId: b.saleId, amount: b.amount };
    }
    const released = use.state === 'reserved';
    if (released) use.state = 'released';
    return { reservationId: match[1], released };
  }
}
