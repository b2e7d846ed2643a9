import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { OfficeBrowser, readyUser } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';
import type { OfficeRole } from '../office/roles';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the list of stores on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    it('gives administrators (and admin tokens) every store, other roles only theirs', async () => {
      const { db, hub } = ctx();
      for (const [storeId, name] of [
        ['S2', 'Lyon'],
        ['S1', 'Paris'],
        ['S3', 'Nantes'],
      ] as const)
        await createStore(db, { storeId, name });
      const all = [
        { storeId: 'S1', name: 'Paris' },
        { storeId: 'S2', name: 'Lyon' },
        { storeId: 'S3', name: 'Nantes' },
      ];
      expect(await headOffice(hub, await adminHeaders(db)).call('GET', '/api/v1/admin/stores')).toMatchObject({
        status: 200,
        body: { stores: all },
      });
      const cases: [OfficeRole, string[], typeof all][] = [
        ['admin', [], all],
        ['regional', ['S1', 'S3'], [all[0]!, all[2]!]],
        ['accountant', ['S2'], [all[1]!]],
      ];
      for (const [role, stores, expected] of cases) {
        const email = `${role}@example.com`;
        const { totpSecret } = await readyUser(db, { email, role, stores });
        const browser = new OfficeBrowser(hub);
        expect((await browser.signIn(email, undefined, totpSecret)).status).toBe(200);
        const answer = await browser.call('GET', '/api/v1/admin/stores');
        expect({ role, status: answer.status, body: answer.body }).toEqual({ role, status: 200, body: { stores: expected } });
      }
    });
  });
}
