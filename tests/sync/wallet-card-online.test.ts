import { PosError } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { startTillPeer, type TillPeer } from './till-peer';

/**
 * A member's card for the phone, from the till (issue 14): the real till host asks the real hub for
 * the member's signed card page (customers.walletCard) and gives its address under the hub's public
 * address, for the screen to show as a QR code; the phone opens it. Online only.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a member's card page from the till (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];

    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      env().proxy.setPlan({ kind: 'pass' });
      await env().database.truncate();
    });

    it('gives the signed page of a member with a card, which the phone opens; offline it says so', async () => {
      const till = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId: 'S001', tillId: 'T01' });
      peers.push(till);
      await till.bridge.invoke('customers.create', {
        id: 'cust-card-1',
        customer: { lastName: 'Durand', firstName: 'Marie', cardNumber: 'LOY-0042-7781' },
      });
      const { url } = (await till.bridge.invoke('customers.walletCard', { customerId: 'cust-card-1' })) as { url: string };
      expect(url).toMatch(new RegExp(`^${env().proxy.url}/wallet/cust-card-1\\?t=\\d+\\.[\\w-]{43}$`));
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('LOY-0042-7781');
      expect(html).toContain('<svg');

      env().proxy.setPlan({ kind: 'refuse' });
      const offline = await till.bridge.invoke('customers.walletCard', { customerId: 'cust-card-1' }).catch((e: unknown) => e);
      expect(offline).toBeInstanceOf(PosError);
      expect((offline as PosError).code).toBe('HUB_UNREACHABLE');
    });
  });
}
