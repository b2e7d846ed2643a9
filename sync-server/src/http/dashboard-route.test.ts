import type { DashboardAnswer } from '@pos/core/sync/head-office-api';
import { describe, expect, it } from 'vitest';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { OfficeBrowser, readyUser } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const DAY = '2026-11-22';
const ROUTE = '/api/v1/admin/reports/dashboard';
/** The hub's heartbeat here: a live dashboard whose session ended is ended at the next one. */
const HEARTBEAT_MS = 200;

/** An event stream read as text, as the browser's EventSource reads it. */
async function eventStream(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' } });
  const reader = res.body!.getReader();
  let text = '';
  const until = async (part: string | ((text: string) => boolean)) => {
    const decoder = new TextDecoder();
    while (typeof part === 'string' ? !text.includes(part) : !part(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${String(part)}: ${text}`);
      text += decoder.decode(value);
    }
  };
  const ended = async () => {
    const decoder = new TextDecoder();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
    return text;
  };
  return { status: res.status, until, ended, text: () => text, cancel: () => reader.cancel() };
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the dashboard route and its live events on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false, heartbeatMs: HEARTBEAT_MS });
    const sell = async (device: Device, saleId: string, quantity: number) => {
      const t = device.chains;
      const records = [...(saleId.endsWith('-1') ? [t.start()] : []), t.sale(saleId, [{ lineId: 'l1', productId: 'prd-1', quantity }])];
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    /** A table of the dashboard as an English CSV file, as an admin token downloads it: its lines and X-Total-Rows. */
    const csv = async (query: string) => {
      const { db, hub } = ctx();
      const file = await hub.app.inject({ method: 'GET', url: `${ROUTE}?${query}&format=csv&lang=en`, headers: await adminHeaders(db) });
      return { total: file.headers['x-total-rows'], lines: file.body.replace(/^\uFEFF/, '').split('\r\n') };
    };
    /** Stores S1 and S2, a till each: a sale of two prd-1 (2.00) in S1, of one (1.00) in S2, both by staff-camille. */
    const soldInTwoStores = async () => {
      const [s1] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const [s2] = await enrolledTills(ctx().db, 'S2', ['T1']);
      await sell(s1!, 'a-1', 2);
      await sell(s2!, 'b-1', 1);
    };
    const signedIn = async (email: string, stores: string[]) => {
      await readyUser(ctx().db, { email, role: 'regional', stores });
      const browser = new OfficeBrowser(ctx().hub);
      expect((await browser.signIn(email)).status).toBe(200);
      return browser;
    };

    it('gives the figures of the stores asked, every store for an administrator, with comparisons and names', async () => {
      const { db, hub } = ctx();
      await soldInTwoStores();
      const admin = headOffice(hub, await adminHeaders(db));
      const all = await admin.call('GET', `${ROUTE}?from=${DAY}&to=${DAY}`);
      expect(all.status).toBe(200);
      const board = all.body as unknown as DashboardAnswer;
      expect(board.stores).toEqual(['S1', 'S2']);
      expect(board.totals).toMatchObject({ tickets: 2, netIncl: 300, items: 3, averageBasket: 150, itemsPerTicket: 1.5 });
      expect(board.by.store.map((r) => [r.key, r.netIncl])).toEqual([
        ['S1', 200],
        ['S2', 100],
      ]);
      expect(board.by.weekday).toEqual([expect.objectContaining({ key: '7', tickets: 2 })]);
      expect(board.by.till.map((r) => r.key)).toEqual(['S1/T1', 'S2/T1']);
      expect(board.topProducts).toEqual([expect.objectContaining({ key: 'prd-1', quantity: 3 })]);
      expect(board.topCategories).toHaveLength(1);
      expect(board.previous).toMatchObject({ from: '2026-11-21', to: '2026-11-21', tickets: 0 });
      expect(board.lastYear).toMatchObject({ from: '2025-11-22', tickets: 0 });
      expect(board.names.stores).toEqual({ S1: 'Store S1', S2: 'Store S2' });
      // Both tills' cashier is staff-camille, whom the hub does not know yet: the page shows the id.
      expect(board.by.cashier.map((r) => r.key)).toEqual(['staff-camille']);
      expect(board.names.staff).toEqual({});
      const one = await admin.call('GET', `${ROUTE}?stores=S2&from=2026-11-21&to=${DAY}`);
      expect(one.body).toMatchObject({ stores: ['S2'], totals: { tickets: 1, netIncl: 100 }, previous: { from: '2026-11-19' } });
      const file = await csv(`from=${DAY}&to=${DAY}&table=store`);
      expect(file.total).toBe('2');
      expect(file.lines.slice(0, 3)).toEqual([
        'Key,Name,Net incl. VAT,Net excl. VAT,Tickets,Returns,Returned incl. VAT,Discounts,Items',
        'S1,Store S1,2.00,1.90,1,0,0.00,0.00,2',
        'S2,Store S2,1.00,0.95,1,0,0.00,0.00,1',
      ]);
    });

    it('names cashiers and salespeople from each store’s staff, with the store where two stores name one id differently', async () => {
      const { db, hub } = ctx();
      await soldInTwoStores();
      const person = (storeId: string, name: string) =>
        db.query(`INSERT INTO staff (store_id, staff_id, display_name, role, pin_hash) VALUES ($1, 'staff-camille', $2, 'cashier', 'x')`, [
          storeId,
          name,
        ]);
      await person('S1', 'Camille Roux');
      const admin = headOffice(hub, await adminHeaders(db));
      const names = async (query: string) =>
        ((await admin.call('GET', `${ROUTE}?${query}from=${DAY}&to=${DAY}`)).body as unknown as DashboardAnswer).names.staff;
      expect(await names('')).toEqual({ 'staff-camille': 'Camille Roux' });
      expect(await names('stores=S2&')).toEqual({});
      await person('S2', 'Camille Petit');
      expect(await names('')).toEqual({ 'staff-camille': 'Camille Roux (Store S1), Camille Petit (Store S2)' });
      expect(await names('stores=S2&')).toEqual({ 'staff-camille': 'Camille Petit' });
      expect((await csv(`stores=S1&from=${DAY}&to=${DAY}&table=salesperson`)).lines.slice(0, 2)).toEqual([
        'Key,Name,Net incl. VAT,Net excl. VAT,Tickets,Returns,Returned incl. VAT,Discounts,Items',
        'staff-camille,Camille Roux,2.00,1.90,1,0,0.00,0.00,2',
      ]);
    });

    it('keeps a regional manager to its stores (403 store_not_covered outside them) and refuses bad input with codes', async () => {
      await soldInTwoStores();
      const regional = await signedIn('r@example.com', ['S1']);
      const own = await regional.call('GET', `${ROUTE}?from=${DAY}&to=${DAY}`);
      expect(own.body).toMatchObject({ stores: ['S1'], totals: { tickets: 1, netIncl: 200 } });
      expect(await regional.call('GET', `${ROUTE}?stores=S1,S2&from=${DAY}&to=${DAY}`)).toMatchObject({
        status: 403,
        body: { error: 'store_not_covered' },
      });
      const refused = async (query: string) => (await regional.call('GET', `${ROUTE}?${query}`)).body.error;
      expect(await refused(`from=2026-11-23&to=${DAY}`)).toBe('invalid_report_range');
      expect(await refused(`from=2026-02-30&to=2026-03-01`)).toBe('invalid_report_range');
      expect(await refused(`from=2020-01-01&to=2026-01-01`)).toBe('invalid_report_range');
      expect(await refused(`stores=S1,-x&from=${DAY}&to=${DAY}`)).toBe('invalid_store_list');
      expect(await refused(`from=${DAY}`)).toBe('bad_request');
      expect(await refused(`from=${DAY}&to=${DAY}&ranked=101`)).toBe('bad_request');
    });

    it('tells a live dashboard when sales of its stores are counted, never another store’s', async () => {
      const { db, hub } = ctx();
      const [s1] = await enrolledTills(db, 'S1', ['T1']);
      const [s2] = await enrolledTills(db, 'S2', ['T1']);
      const url = `${hub.url ?? (await hub.listen())}/api/v1/office/reports/events`;
      const one = await eventStream(url, (await signedIn('one@example.com', ['S1'])).cookie!);
      const two = await eventStream(url, (await signedIn('two@example.com', ['S2'])).cookie!);
      try {
        expect([one.status, two.status]).toEqual([200, 200]);
        await Promise.all([one.until('event: ready'), two.until('event: ready')]);
        await sell(s1!, 'a-1', 2);
        await one.until('data: {"storeId":"S1"}');
        await sell(s2!, 'b-1', 1);
        // S1's notice went out before S2's: had it reached the second user, it would be there already.
        await two.until('data: {"storeId":"S2"}');
        expect(two.text()).not.toContain('"S1"');
        expect(one.text()).not.toContain('"S2"');
        const other = await signedIn('three@example.com', ['S1']);
        expect(await other.call('GET', '/api/v1/office/reports/events?stores=S2')).toMatchObject({
          status: 403,
          body: { error: 'store_not_covered' },
        });
      } finally {
        await Promise.all([one.cancel(), two.cancel()]);
      }
    });

    it('ends a live dashboard at the heartbeat after its session ended (sign-out everywhere), and only that one', async () => {
      const { db, hub } = ctx();
      await enrolledTills(db, 'S1', ['T1']);
      const url = `${hub.url ?? (await hub.listen())}/api/v1/office/reports/events`;
      const leaving = await signedIn('leaving@example.com', ['S1']);
      const cookie = leaving.cookie!;
      const gone = await eventStream(url, cookie);
      const kept = await eventStream(url, (await signedIn('staying@example.com', ['S1'])).cookie!);
      try {
        await Promise.all([gone.until('event: ready'), kept.until('event: ready')]);
        expect((await leaving.call('POST', '/api/v1/office/sessions/revoke-all')).status).toBe(200);
        const revokedAt = Date.now();
        expect(await gone.ended()).toMatch(/: the session ended: sign in again\n\n$/);
        expect(Date.now() - revokedAt).toBeLessThan(2 * HEARTBEAT_MS + 1_000);
        // The other user's stream lives on, heartbeats and all; the page reconnecting is refused (→ sign-in page).
        const beats = (text: string) => text.split(': heartbeat').length;
        const before = beats(kept.text());
        await kept.until((text) => beats(text) > before);
        const again = await eventStream(url, cookie);
        expect(again.status).toBe(401);
        await again.cancel();
      } finally {
        await kept.cancel();
      }
    });
  });
}
