import type { ZClosingPayload } from '@pos/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cashDay } from '../test-support/cash-day';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub } from '../test-support/test-hub';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the closings list with its totals, and its exports, on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const closedDay = async () => {
      const { db, hub } = ctx();
      const [till] = await enrolledTills(db, 'S1', ['T1']);
      const day = cashDay(till!.chains);
      for (const reply of await client(hub, till!).pushRecords(day.records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await hub.catchUp();
      return { day, office: headOffice(hub, await adminHeaders(db)) };
    };

    it('gives each closing its sealed net sales, tickets and, for a Z, its cash variance', async () => {
      const { day, office } = await closedDay();
      const z = day.z.payload as ZClosingPayload;
      const net = z.figures.totals.total.net;
      expect(net).toBeGreaterThan(0);
      const list = await office.call('GET', '/api/v1/admin/stores/S1/closings');
      expect(list.status).toBe(200);
      expect((list.body.closings as { kind: string; totals: unknown }[]).map((c) => [c.kind, c.totals])).toEqual([
        ['z', { currency: 'EUR', net, tickets: 2, cashVariance: 0 }],
        ['day', { currency: 'EUR', net, tickets: 2, cashVariance: null }],
      ]);
      const zOnly = await office.call('GET', '/api/v1/admin/stores/S1/closings?kind=z');
      expect((zOnly.body.closings as unknown[]).length).toBe(1);
    });

    it('exports the list as CSV and XLSX, streamed with its name and row count; refusals come before the file', async () => {
      const { day, office } = await closedDay();
      const net = ((day.z.payload as ZClosingPayload).figures.totals.total.net / 100).toFixed(2).replace('.', ',');
      const csv = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S1/closings?format=csv&lang=fr',
        headers: await adminHeaders(ctx().db),
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['x-total-rows']).toBe('2');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="closings-S1-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = csv.body.split('\r\n');
      expect(lines[0]).toBe(
        '\uFEFFCaisse;Type;Date ou période;N° d’ordre;Journal;Scellée le (UTC);Devise;Ventes nettes TTC;Tickets;Écart de caisse;Statut;Chiffres en écart;Vérifiée le (UTC)',
      );
      expect(lines[1]).toMatch(new RegExp(`^T1;Ticket Z;2026-11-22;\\d+;\\d+;[^;]+;EUR;${net};2;0,00;Conforme;;`));
      expect(lines[2]).toMatch(new RegExp(`^T1;Journalière;2026-11-22;\\d+;\\d+;[^;]+;EUR;${net};2;;Conforme;;`));
      const xlsx = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S1/closings?format=xlsx&kind=day',
        headers: { ...(await adminHeaders(ctx().db)), 'accept-language': 'en-GB,en;q=0.9' },
      });
      expect(xlsx.headers['x-total-rows']).toBe('1');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        xlsx.rawPayload.buffer.slice(xlsx.rawPayload.byteOffset, xlsx.rawPayload.byteOffset + xlsx.rawPayload.byteLength) as ArrayBuffer,
      );
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).getCell(8).value).toBe('Net sales incl. VAT');
      expect(sheet.getRow(2).getCell(2).value).toBe('Daily');
      expect(sheet.rowCount).toBe(2);
      expect(await office.call('GET', '/api/v1/admin/stores/S9/closings?format=csv')).toMatchObject({
        status: 404,
        body: { error: 'not_found' },
      });
      expect((await office.call('GET', '/api/v1/admin/stores/S1/closings?format=pdf')).status).toBe(400);
    });

    it('refuses a date off the calendar, outside 1970–9999 or the wrong way round with 400 bad_request, before the file', async () => {
      const { db, hub } = ctx();
      await enrolledTills(db, 'S1', []);
      const office = headOffice(hub, await adminHeaders(db));
      for (const query of [
        'from=2026-13-45',
        'to=2026-02-30',
        'from=0000-00-00',
        'from=2026-02-01&to=2026-01-01',
        'to=2026-02-30&format=csv',
      ]) {
        const refused = await office.call('GET', `/api/v1/admin/stores/S1/closings?${query}`);
        expect([query, refused.status, refused.body.error]).toEqual([query, 400, 'bad_request']);
      }
    });
  });
}
