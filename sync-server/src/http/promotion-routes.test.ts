import type { StreamEvent } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import type { OfficeRole } from '../office/roles';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { signedInAs } from '../test-support/office-users';
import { promotionBody } from '../test-support/promotions';
import { openSse, type SseStream } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

const PROMOTIONS = '/api/v1/admin/promotions';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`promotions on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const opened: SseStream[] = [];
    afterEach(() => {
      for (const s of opened.splice(0)) s.close();
    });

    const admin = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));
    const signedIn = (role: OfficeRole) => signedInAs(ctx().hub, ctx().db, role);

    it('creates version 1, saves the next versions, lists by pages, reads and deletes (a tombstone), then recreates after it', async () => {
      const ho = await admin();
      expect(await ho.call('PUT', `${PROMOTIONS}/fruits`, promotionBody())).toMatchObject({
        status: 201,
        body: { promotion: { id: 'fruits', version: 1, name: 'Fruits −20 %' }, deleted: false },
      });
      const second = await ho.call('PUT', `${PROMOTIONS}/fruits`, promotionBody({ name: 'Fruits −25 %', expectedVersion: 1 }));
      expect(second).toMatchObject({ status: 200, body: { promotion: { version: 2, name: 'Fruits −25 %' } } });
      expect(second.body.promotion).not.toHaveProperty('expectedVersion');
      for (const id of ['a-cart', 'b-code'])
        await ho.call(
          'PUT',
          `${PROMOTIONS}/${id}`,
          promotionBody({ couponCode: 'WELCOME', schedule: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } }),
        );
      const first = await ho.call('GET', `${PROMOTIONS}?limit=2`);
      expect(first).toEqual({
        status: 200,
        body: {
          promotions: [
            expect.objectContaining({
              id: 'a-cart',
              version: 1,
              benefitType: 'percent-off',
              couponCode: 'WELCOME',
              from: '2026-01-01T00:00:00Z',
            }),
            expect.objectContaining({ id: 'b-code' }),
          ],
          next: 'b-code',
        },
      });
      expect((await ho.call('GET', `${PROMOTIONS}?limit=2&after=b-code`)).body).toEqual({
        promotions: [{ id: 'fruits', version: 2, name: 'Fruits −25 %', benefitType: 'percent-off' }],
        next: null,
      });
      expect(await ho.call('DELETE', `${PROMOTIONS}/fruits`)).toMatchObject({
        status: 200,
        body: { deleted: true, promotion: { version: 2 } },
      });
      expect(await ho.call('GET', `${PROMOTIONS}/fruits`)).toMatchObject({ status: 200, body: { deleted: true } });
      expect((await ho.call('GET', PROMOTIONS)).body.promotions).toHaveLength(2);
      // A rule recreated after its tombstone goes on from its last version: a sale's discount names one content.
      expect(await ho.call('PUT', `${PROMOTIONS}/fruits`, promotionBody())).toMatchObject({
        status: 201,
        body: { promotion: { version: 3 } },
      });
      expect(await ho.call('DELETE', `${PROMOTIONS}/none`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await ho.call('GET', `${PROMOTIONS}/none`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });

    it('refuses a stale expectedVersion with 409 and the current version, changing nothing', async () => {
      const ho = await admin();
      await ho.call('PUT', `${PROMOTIONS}/p`, promotionBody());
      await ho.call('PUT', `${PROMOTIONS}/p`, promotionBody({ name: 'Two' }));
      expect(await ho.call('PUT', `${PROMOTIONS}/p`, promotionBody({ name: 'Stale', expectedVersion: 1 }))).toEqual({
        status: 409,
        body: { error: 'version_conflict', message: expect.any(String), currentVersion: 2 },
      });
      expect(await ho.call('PUT', `${PROMOTIONS}/new`, promotionBody({ expectedVersion: 3 }))).toMatchObject({
        status: 409,
        body: { currentVersion: 0 },
      });
      expect((await ho.call('GET', `${PROMOTIONS}/p`)).body).toMatchObject({ promotion: { version: 2, name: 'Two' } });
    });

    it('refuses an invalid rule with 422 invalid_promotion and core’s coded problems', async () => {
      const ho = await admin();
      const put = (id: string, body: unknown) => ho.call('PUT', `${PROMOTIONS}/${id}`, body);
      const window = await put('p', promotionBody({ schedule: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }));
      expect(window).toMatchObject({
        status: 422,
        body: { error: 'invalid_promotion', problems: [{ code: 'window', field: 'schedule.to' }] },
      });
      const target = await put('p', promotionBody({ benefit: { type: 'percent-off', target: {}, bp: 100 } }));
      expect(target).toMatchObject({ status: 422, body: { problems: [{ code: 'target' }] } });
      const shape = await put(
        'p',
        promotionBody({ benefit: { type: 'percent-off', target: { categories: ['x'] }, bp: 10_001 }, colour: 'red' }),
      );
      expect(shape).toMatchObject({ status: 422, body: { error: 'invalid_promotion' } });
      expect(new Set((shape.body.problems as { code: string }[]).map((p) => p.code))).toEqual(new Set(['shape']));
      expect(await put('bad%20id', promotionBody())).toMatchObject({ status: 422, body: { problems: [{ code: 'invalid_promotion_id' }] } });
      expect(await put('p', promotionBody({ expectedVersion: -1 }))).toMatchObject({ status: 400 });
      expect((await ho.call('GET', PROMOTIONS)).body).toEqual({ promotions: [], next: null });
    });

    it('audits each change with the state before; managers read without changing; accountants see nothing', async () => {
      await createStore(ctx().db, { storeId: 'S1', name: 'S1' });
      const boss = await signedIn('admin');
      expect((await boss.call('PUT', `${PROMOTIONS}/p`, promotionBody())).status).toBe(201);
      expect((await boss.call('PUT', `${PROMOTIONS}/p`, promotionBody({ name: 'Two' }))).status).toBe(200);
      expect((await boss.call('DELETE', `${PROMOTIONS}/p`)).status).toBe(200);
      const rows = await ctx().db.query<{ action: string; target: string; before: { name?: string; version?: number } | null }>(
        `SELECT action, target, before FROM audit_log WHERE target LIKE '/api/v1/admin/promotions/%' ORDER BY id`,
      );
      expect(rows.map((r) => [r.action, r.target, r.before?.version ?? null])).toEqual([
        ['PUT /api/v1/admin/promotions/:promotionId', '/api/v1/admin/promotions/p', null],
        ['PUT /api/v1/admin/promotions/:promotionId', '/api/v1/admin/promotions/p', 1],
        ['DELETE /api/v1/admin/promotions/:promotionId', '/api/v1/admin/promotions/p', 2],
      ]);
      const manager = await signedIn('store-manager');
      expect((await manager.call('GET', PROMOTIONS)).status).toBe(200);
      expect((await manager.call('GET', `${PROMOTIONS}/p`)).status).toBe(200);
      expect(await manager.call('PUT', `${PROMOTIONS}/p`, promotionBody())).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(await manager.call('DELETE', `${PROMOTIONS}/p`)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      const accountant = await signedIn('accountant');
      expect(await accountant.call('GET', PROMOTIONS)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    });

    it('a rule saved in the back office reaches an online till’s promotions stream less than 1 s after the answer', async () => {
      const ho = await admin();
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const stream = await openSse(`${await ctx().hub.listen()}/sync/v1/promotions/stream`, syncHeaders(till!.token, 'promotions'));
      opened.push(stream);
      expect(await stream.event(0)).toBe('RESYNC');
      expect((await ho.call('PUT', `${PROMOTIONS}/p`, promotionBody())).status).toBe(201);
      const answered = Date.now();
      const event = JSON.parse(await stream.event(1, 1000)) as StreamEvent;
      expect(Date.now() - answered).toBeLessThan(1000);
      expect(event.documents).toEqual([{ id: 'p', version: 1, ...promotionBody(), _deleted: false }]);
      expect((await ho.call('DELETE', `${PROMOTIONS}/p`)).status).toBe(200);
      const deleted = JSON.parse(await stream.event(2, 1000)) as StreamEvent;
      expect(deleted.documents).toEqual([expect.objectContaining({ id: 'p', version: 1, _deleted: true })]);
    });
  });
}
