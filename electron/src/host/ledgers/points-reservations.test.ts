import { PosError, type MemberPointsView, type PointsReservation } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostContext } from '../host-context';
import { approval, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from '../test-support/host-harness';

const dirs = tempDirs('pos-points-');
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

/** The hub's points routes as the host calls them, in memory: one member's balance, reservations by id. */
class FakePointsHub {
  readonly open = new Map<string, number>();
  readonly calls: string[] = [];
  online = true;

  constructor(private balance: number) {}

  install(ctx: HostContext): void {
    Object.defineProperty(ctx.hub, 'enrolled', { get: () => true, configurable: true });
    (ctx.hub as { send: unknown }).send = (method: string, pathname: string, body?: unknown) => this.send(method, pathname, body);
    // The program the hub would have sent through the host's catalog pull.
    ctx.loyalty.active = () => testLoyaltyProgram();
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
    const release = /^\/api\/v1\/till\/loyalty\/reservations\/([^/]+)\/release$/.exec(pathname);
    if (release) {
      const released = this.open.delete(release[1]!);
      return { reservationId: release[1], released, available: this.available };
    }
    throw new PosError('HUB_REFUSED', 'not found', { status: 404, hubCode: 'not_found' });
  }
}

async function started(hub: FakePointsHub): Promise<TestHost> {
  const host = await hosts.start(await dirs.make());
  hub.install(host.context);
  await signIn(host);
  return host;
}

describe('points reserved for a reward at the till host', () => {
  it('reads the member’s points and reserves a reward’s cost from the program the host holds, never the page’s figure', async () => {
    const hub = new FakePointsHub(800);
    const host = await started(hub);
    expect(valueOf<MemberPointsView>(await host.invoke('ledger.memberPoints', { customerId: 'cus-1' }))).toMatchObject({
      programId: 'club',
      available: 800,
    });
    const reserved = valueOf<PointsReservation>(
      await host.invoke('ledger.reservePoints', { saleId: 'sale-p', customerId: 'cus-1', rewardId: 'r5' }),
    );
    expect(reserved).toMatchObject({ programId: 'club', programVersion: 3, rewardId: 'r5', points: 500, balanceAfter: 300 });
    expect(errorOf(await host.invoke('ledger.reservePoints', { saleId: 'sale-p', customerId: 'cus-1', rewardId: 'nope' })).code).toBe(
      'INVALID_REQUEST',
    );
    // Not enough left for a second one: the hub's refusal, with its code for the page.
    expect(errorOf(await host.invoke('ledger.reservePoints', { saleId: 'sale-p', customerId: 'cus-1', rewardId: 'r5' }))).toMatchObject({
      code: 'HUB_REFUSED',
      details: { hubCode: 'insufficient_points' },
    });
  });

  it('gives the points back when the reward is removed, later when offline, and when the sale is voided', async () => {
    const hub = new FakePointsHub(1000);
    const host = await started(hub);
    const removed = valueOf<PointsReservation>(
      await host.invoke('ledger.reservePoints', { saleId: 'sale-r', customerId: 'cus-1', rewardId: 'r5' }),
    );
    hub.online = false;
    expect(valueOf(await host.invoke('ledger.release', { reservationId: removed.reservationId }))).toEqual({ released: true });
    expect(hub.available).toBe(500);
    hub.online = true;
    host.context.events.emit('hub.status', { ...host.context.hub.status(), enrolled: true, online: true, lastError: null });
    await vi.waitFor(() => expect(hub.available).toBe(1000));

    await host.invoke('ledger.reservePoints', { saleId: 'cart-v', customerId: 'cus-1', rewardId: 'coffee' });
    expect(hub.available).toBe(900);
    const grant = await approval(host, 'sale.void', { saleId: 'cart-v' });
    const voided = {
      type: 'sale.void',
      saleId: 'cart-v',
      staffId: 'staff-camille',
      lineCount: 1,
      total: 199,
      currency: 'EUR',
      lines: [{ sku: 'A', quantity: 1, amount: 199 }],
      approvalId: grant.approvalId,
      approvedBy: grant.approvedBy,
    };
    valueOf(await host.invoke('fiscal.seal', { chain: 'event', id: 'void-cart-v', payload: voided }));
    await vi.waitFor(() => expect(hub.available).toBe(1000));
  });
});
