import { type SaleProblem, type SealedRecord } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { approval, errorOf, hostPool, signIn, tempDirs, valueOf } from '../test-support/host-harness';
import { cartOf, saleNow, sealSale as seal } from './test-support/returns-kit';

/** A return without the receipt: only with an approval of it (a manager's PIN for a cashier), only in cash. */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const codes = (reply: Awaited<ReturnType<typeof seal>>) =>
  (errorOf(reply).details as { problems: SaleProblem[] }).problems.map((p) => p.code);

describe('a return without its receipt', () => {
  it('is sealed with a manager’s approval of it, once, and refused without one or paid back by card', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const cart = cartOf('no-receipt-1', [{ index: 100, quantity: 2 }]);
    expect(codes(await seal(host, { ...saleNow(cart), kind: 'return' }))).toContain('return');

    const grant = await approval(host, 'sale.refund', { saleId: 'no-receipt-1' }, '5678');
    const returnApproval = { approvalId: grant.approvalId, approvedBy: grant.approvedBy };
    const card = { id: 'c', method: 'card' as const, amount: 1, status: 'declined' as const, attemptKey: 'nope' };
    const byCard = saleNow(cart, { returnApproval });
    expect(codes(await seal(host, { ...byCard, tenders: [...byCard.tenders, card] }))).toContain('return');

    const sealed = valueOf<SealedRecord<'sale'>>(await seal(host, saleNow(cart, { returnApproval })));
    expect(sealed.payload).toMatchObject({ kind: 'return', returnApproval: { approvedBy: 'staff-sophie' } });
    expect(sealed.payload).not.toHaveProperty('returnOf');
    // The approval served once: another return cannot use it.
    expect(codes(await seal(host, saleNow(cartOf('no-receipt-2', [{ index: 100 }]), { returnApproval })))).toContain('approval');
  });
});
