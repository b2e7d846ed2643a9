import type { MemberPointsView, PointsReservation } from '@pos/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approval, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from '../test-support/host-harness';
import { FakePointsHub } from './test-support/fake-points-hub';

const dirs = tempDirs('pos-points-');
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

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
