import { saleDocFromRecord, withLoyaltyEarn, type LoyaltyProgram, type SalePayloadV1, type SealedRecord } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { afterEach, describe, expect, it } from 'vitest';
import { loyaltyBalanceAtHub } from '../../sync-server/src/ledgers/loyalty-balance-read';
import { putLoyaltyProgram } from '../../sync-server/src/loyalty/loyalty-program-writes';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { startTillPeer, type TillPeer } from './till-peer';

/** 1 point per euro paid, VAT included, never expiring (the balance is read at the hub's clock). */
function programBody(points = 1) {
  const { id: _id, version: _version, expiryMonths: _never, ...body } = testLoyaltyProgram();
  return { ...body, earn: { kind: 'spend' as const, points, per: 100, tax: 'inclusive' as const } };
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Loyalty from head office to the ledger, with the real till host and the real hub (PGlite and
 * PostgreSQL): the program saved at the hub reaches the host by its catalog pull, the page seals a
 * member's earn computed with it, the host checks it, the till's replication pushes the sale, and
 * the hub's projectors verify it and credit the points once.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a member earns points at the till (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];
    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      await env().database.truncate();
    });

    it('the hub’s program reaches the host, the sealed earn is credited once at the hub; a forged earn is refused at the seal', async () => {
      const db = env().database.db;
      await putLoyaltyProgram(db, 'club', programBody());
      const peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: db, storeId: 'S001', tillId: 'T01' });
      peers.push(peer);
      await peer.bridge.invoke('catalog.pull', { checkpoint: null, limit: 100 });
      const { program } = (await peer.bridge.invoke('loyalty.program')) as { program: LoyaltyProgram | null };
      expect(program).toMatchObject({ id: 'club', version: 1 });

      const payload = cashSale({ saleId: 'member-sale-1', storeId: 'S001', tillId: 'T01', staffId: 'staff-sophie', products: [100, 205] });
      const sale = withLoyaltyEarn({ ...(payload as SalePayloadV1), customerId: 'cus-1' }, program);
      const points = sale.loyalty!.earn.points;
      expect(points).toBeGreaterThan(0);
      const forged = { ...sale, saleId: 'member-sale-0', loyalty: { earn: { ...sale.loyalty!.earn, points: points + 50 } } };
      await expect(peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: 'member-sale-0', payload: forged })).rejects.toMatchObject({
        code: 'SEAL_REFUSED',
      });
      const record = (await peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale })) as SealedRecord<'sale'>;
      await peer.docs.sales.insert(saleDocFromRecord(record));
      await peer.startReplication();
      const member = { customerId: 'cus-1', programId: 'club' };
      await until(async () => (await loyaltyBalanceAtHub(db, member)).earned > 0);
      expect(await loyaltyBalanceAtHub(db, member)).toMatchObject({ available: points, earned: points });

      // A new version at head office: the host holds it after its next pull, and still the one the first sale named.
      await putLoyaltyProgram(db, 'club', { ...programBody(2), expectedVersion: 1 });
      await peer.bridge.invoke('catalog.pull', { checkpoint: null, limit: 100 });
      expect(((await peer.bridge.invoke('loyalty.program')) as { program: LoyaltyProgram }).program.version).toBe(2);
      await env().hub.catchUp();
      expect(await loyaltyBalanceAtHub(db, member)).toMatchObject({ available: points, earned: points });
    });
  });
}
