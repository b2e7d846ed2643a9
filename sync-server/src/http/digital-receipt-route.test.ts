import { buildReceipt, demoStoreProfile, digitalReceiptKey, receiptNumber, type SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { putStoreSettings } from '../admin/store-settings';
import { adminHeaders } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S1', 'T1');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`digital receipts at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    const linkOf = (record: SealedRecord<'sale'>, key = digitalReceiptKey(record.signature)) => `/r/${record.storeId}/${record.id}.${key}`;
    const open = (url: string, headers: Record<string, string> = {}) => ctx().hub.app.inject({ method: 'GET', url, headers });

    it('takes the store’s receipt setting from head office like its other settings, and refuses one it does not know', async () => {
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const headers = await adminHeaders(ctx().db);
      const put = (receipt: unknown) =>
        ctx().hub.app.inject({ method: 'PUT', url: '/api/v1/admin/stores/S1/settings', headers, payload: { ...settings, receipt } });
      expect((await put({ paper: 'always', digitalBaseUrl: 'https://hub.example.com/' })).statusCode).toBe(200);
      const [doc] = await ctx().db.query<{ receipt: unknown }>(
        `SELECT doc -> 'receipt' AS receipt FROM store_docs WHERE store_id = 'S1' AND collection = 'store_settings'`,
      );
      expect(doc?.receipt).toEqual({ paper: 'always', digitalBaseUrl: 'https://hub.example.com/' });
      expect((await put({ paper: 'sometimes' })).statusCode).toBe(400);
      expect((await put({ paper: 'ask', digitalBaseUrl: 'not an address' })).statusCode).toBe(400);
    });

    it('serves a verified sale’s receipt with the mentions of the paper one, as a page a phone shows', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      await putStoreSettings(ctx().db, 'S1', { ...settings, name: 'Épicerie des Halles' });
      const start = till!.chains.start();
      const sale = till!.chains.sale('s-1');
      await push(till!, [start, sale]);

      const res = await open(linkOf(sale));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+';/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('<meta name="viewport"');
      // Every line the paper receipt carries (store, VAT number, receipt number, lines, VAT table, tenders), from core's model.
      const paper = buildReceipt(
        sale,
        { ...demoStoreProfile('S1', 'T1'), name: 'Épicerie des Halles' },
        { width: 32, softwareVersion: '1.0.0-test' },
      );
      for (const line of paper.lines) if (line.kind === 'text') expect(res.body).toContain(escapeHtml(line.text));
      expect(res.body).toContain(receiptNumber('T1', 1));
      expect(res.body).toContain('TOTAL TTC');
      expect(res.body).toContain('FR83404833048');
      // The version of the till's last start before the sale, and the record's fingerprint.
      expect(res.body).toContain('Logiciel: POS Caisse 1.0.0-test');
      expect(res.body).toContain(`Empreinte: ${sale.hash.slice(0, 8)}`);
      // The hub does not know this till's cashier: no name rather than a wrong one.
      expect(res.body).not.toContain('Caissier');
    });

    it('names the cashier as head office keeps the store’s staff (the sealed sale holds the id only)', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const sale = till!.chains.sale('s-cashier');
      await ctx().db.query(
        `INSERT INTO staff (store_id, staff_id, display_name, role, pin_hash) VALUES ('S1', $1, 'Camille Durand', 'cashier', 'scrypt$unused')`,
        [sale.payload.staffId],
      );
      await push(till!, [till!.chains.start(), sale]);
      const res = await open(linkOf(sale));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Caissier: Camille Durand');
      expect(JSON.stringify(sale.payload)).not.toContain('Camille Durand');
    });

    it('speaks English when asked, by ?lang= or by the browser, and French otherwise', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const sale = till!.chains.sale('s-1');
      await push(till!, [sale]);
      const english = await open(`${linkOf(sale)}?lang=en`);
      expect(english.body).toContain('TOTAL incl. VAT');
      expect(english.body).toContain('<html lang="en">');
      const browser = await open(linkOf(sale), { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' });
      expect(browser.body).toContain('Your receipt');
      const french = await open(linkOf(sale), { 'accept-language': 'de-DE' });
      expect(french.body).toContain('Votre ticket');
      expect(french.body).toContain('TOTAL TTC');
    });

    it('says the receipt is not available yet while the sale has not reached the hub, then serves it', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const first = till!.chains.sale('s-1');
      const second = till!.chains.sale('s-2');
      // The till is offline: nothing arrived.
      const offline = await open(linkOf(second));
      expect(offline.statusCode).toBe(200);
      expect(offline.body).toContain('Ticket pas encore disponible');
      expect(offline.body).toContain('Réessayez dans quelques minutes');
      // Arrived but not verified yet (the sale before it is missing): still not shown.
      await push(till!, [second]);
      expect((await open(linkOf(second))).body).toContain('Ticket pas encore disponible');
      await push(till!, [first]);
      expect((await open(linkOf(second))).body).toContain(receiptNumber('T1', 2));
    });

    it('shows nothing of a sale to a wrong key, another store’s path or a sale that failed verification', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const [other] = await enrolledTills(ctx().db, 'S2', ['T9']);
      const sale = till!.chains.sale('s-1');
      const theirs = other!.chains.sale('s-9');
      await push(till!, [sale]);
      await push(other!, [theirs]);
      const key = digitalReceiptKey(sale.signature);
      const wrongKey = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
      const refused = [
        linkOf(sale, wrongKey),
        `/r/S2/${sale.id}.${key}`,
        `/r/S1/${sale.id}`,
        `/r/S1/${sale.id}.${key.toUpperCase()}`,
        `/r/S1/${theirs.id}.${digitalReceiptKey(theirs.signature)}`,
      ];
      for (const url of refused) {
        const res = await open(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain('Ticket pas encore disponible');
        expect(res.body, url).not.toContain('TOTAL');
      }
      // A record whose content was changed after sealing is a break, never a receipt.
      const forged = till!.chains.sale('s-2');
      const edited = { ...forged, payload: { ...forged.payload, total: forged.payload.total + 1 } };
      await push(till!, [edited]);
      expect((await open(linkOf(edited))).body).toContain('Ticket pas encore disponible');
    });
  });
}
