import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withLoyaltyEarn, type LoyaltyProgram, type SalePayloadV1, type SealedRecord } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/** The host checks a member's points against the loyalty program it holds before sealing. */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

/** A host that kept these program versions from the hub (its loyalty file, as a catalog pull through it leaves it). */
async function hostHolding(versions: readonly LoyaltyProgram[]): Promise<TestHost> {
  const dir = await dirs.make();
  await mkdir(path.join(dir, 'loyalty'), { recursive: true });
  const live = [...new Set(versions.map((p) => p.id))];
  await writeFile(path.join(dir, 'loyalty', 'programs.json'), JSON.stringify({ seq: versions.length, versions, live }));
  const host = await hosts.start(dir);
  await signIn(host);
  return host;
}

const memberSale = (saleId: string): SalePayloadV1 => ({
  ...(cashSale({ saleId, products: [100, 205] }) as SalePayloadV1),
  customerId: 'cus-1',
});
const seal = (host: TestHost, sale: SalePayloadV1) => host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });
const problemCodes = (reply: Awaited<ReturnType<TestHost['invoke']>>) =>
  ((errorOf(reply).details as { problems: { code: string }[] }).problems ?? []).map((p) => p.code);

describe('loyalty at the till host', () => {
  it('gives the page the live program and seals the earn core computes with it (customer id only)', async () => {
    const program = testLoyaltyProgram({ version: 2 });
    const host = await hostHolding([testLoyaltyProgram({ version: 1 }), program]);
    const held = valueOf<{ program: LoyaltyProgram | null }>(await host.invoke('loyalty.program', undefined));
    expect(held.program).toEqual(program);
    const sale = withLoyaltyEarn(memberSale('earn-ok'), held.program);
    expect(sale.loyalty?.earn).toMatchObject({ id: 'earn:earn-ok', customerId: 'cus-1', programVersion: 2 });
    const record = valueOf<SealedRecord<'sale'>>(await seal(host, sale));
    expect(record.payload).toEqual(sale);
    // A sale completed with the version just replaced still seals: the host keeps the last versions.
    expect(
      valueOf<SealedRecord<'sale'>>(await seal(host, withLoyaltyEarn(memberSale('earn-v1'), testLoyaltyProgram({ version: 1 })))).seq,
    ).toBe(2);
  });

  it('refuses more points than the program gives and a version it does not hold; a sale without the block seals', async () => {
    const host = await hostHolding([testLoyaltyProgram()]);
    const sale = withLoyaltyEarn(memberSale('earn-rich'), testLoyaltyProgram());
    const richer = { ...sale, loyalty: { earn: { ...sale.loyalty!.earn, points: sale.loyalty!.earn.points + 10 } } };
    const refused = errorOf(await seal(host, richer));
    expect(refused.code).toBe('SEAL_REFUSED');
    expect(refused.message).toMatch(/wrong-points/);
    expect(problemCodes(await seal(host, richer))).toEqual(['loyalty']);
    const unknown = withLoyaltyEarn(memberSale('earn-v9'), testLoyaltyProgram({ version: 9 }));
    expect(errorOf(await seal(host, unknown)).message).toMatch(/unknown-program: club v9/);
    expect(valueOf<SealedRecord<'sale'>>(await seal(host, memberSale('no-block'))).seq).toBe(1);
  });

  it('a host holding no program says so: the page seals without points', async () => {
    const host = await hostHolding([]);
    expect(valueOf<{ program: LoyaltyProgram | null }>(await host.invoke('loyalty.program', undefined))).toEqual({ program: null });
  });
});
