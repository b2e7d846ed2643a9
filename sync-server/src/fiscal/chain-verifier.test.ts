import type { SealedRecord } from '@pos/core';
import { demoStoreProfile, findSyncCollection, type SyncCollection } from '@pos/core';
import { saleAsVersion0 } from '@pos/core/test-support/sample-sale';
import { putStoreSettings } from '../admin/store-settings';
import { describe, expect, it } from 'vitest';
import { pushDocuments } from '../sync/push-documents';
import { countingDatabase } from '../test-support/counting-database';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { pushRows as pushRowsOf, recordDoc, saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';
import { newTillKey } from '../test-support/till-keys';
import { ChainVerifier } from './chain-verifier';
import type { SignatureJob } from './record-checks';

const GRACE_MS = 10 * 60_000;
const SALES = findSyncCollection('sales') as SyncCollection;

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`chain verifier on ${target.name}`, () => {
    // The verifier's clock: a test moves it past the grace period instead of waiting ten minutes.
    let clock = Date.now();
    const ctx = useTestHub(target, { rateLimit: false, verification: { graceMs: GRACE_MS, now: () => clock } });
    const db = () => ctx().db;

    const breaks = async () =>
      db().query<{ till_id: string; chain: string; epoch: number; seq: number; doc_id: string | null; code: string; problem: string }>(
        'SELECT till_id, chain, epoch, seq, doc_id, code, problem FROM chain_breaks ORDER BY till_id, chain, epoch, seq, code',
      );
    const heads = async () =>
      Object.fromEntries(
        (
          await db().query<{ till_id: string; chain: string; epoch: number; seq: number; hash: string }>(
            'SELECT till_id, chain, epoch, seq, hash FROM chain_heads ORDER BY till_id, chain',
          )
        ).map((h) => [`${h.till_id}/${h.chain}`, { epoch: h.epoch, seq: h.seq, hash: h.hash }]),
      );
    const fed = async () =>
      (await db().query<{ doc_id: string }>('SELECT doc_id FROM chain_records WHERE feed_seq IS NOT NULL ORDER BY feed_seq')).map(
        (r) => r.doc_id,
      );
    const pending = async () =>
      (await db().query<{ doc_id: string }>('SELECT doc_id FROM chain_pending ORDER BY till_id, chain, seq')).map((r) => r.doc_id);
    const level = async (productId = 'prd-1', storeId = 'S1') =>
      Number(
        (
          await db().query<{ level: number }>('SELECT level FROM stock_levels WHERE store_id = $1 AND product_id = $2', [
            storeId,
            productId,
          ])
        )[0]?.level ?? 0,
      );
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
    };
    const settle = () => ctx().hub.catchUp();
    const headOf = (record: SealedRecord) => ({ epoch: 1, seq: record.seq, hash: record.hash });

    it('verifies a till’s chains up to their heads, feeds the verified records, and stock moves once per verified sale', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const start = t.start();
      const sales = [t.sale('s1'), t.sale('s2')];
      const signIn = t.event('sign-in-1', { type: 'session.sign-in', staffId: 'staff-camille' });
      const duplicate = t.seal('duplicate', 'duplicate-s1-1', {
        type: 'duplicate',
        saleId: 's1',
        receiptSeq: 1,
        duplicateNumber: 1,
        staffId: 'staff-camille',
      });
      const last = t.sale('s3');
      await push(till!, [start, ...sales, signIn, duplicate, last]);
      await settle();
      expect(await breaks()).toEqual([]);
      expect(await heads()).toEqual({ 'T1/duplicate': headOf(duplicate), 'T1/event': headOf(signIn), 'T1/sale': headOf(last) });
      expect((await fed()).sort()).toEqual(['duplicate-s1-1', 's1', 's2', 's3', start.id, 'sign-in-1'].sort());
      expect(await level()).toBe(-3);
      // Pushed again (a lost reply): nothing read twice, nothing moved twice.
      await push(till!, [...sales, last]);
      await settle();
      expect(await level()).toBe(-3);
      expect(await fed()).toHaveLength(6);
    });

    it('waits for records that arrive out of order and verifies them once the chain is complete', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const sales = Array.from({ length: 5 }, (_, i) => till!.chains.sale(`s${i + 1}`));
      await push(till!, [sales[3]!, sales[4]!, sales[1]!]);
      await settle();
      expect(await heads()).toEqual({});
      expect(await pending()).toEqual(['s2', 's4', 's5']);
      expect(await level()).toBe(0);
      await push(till!, [sales[2]!]);
      await push(till!, [sales[0]!]);
      await settle();
      expect(await breaks()).toEqual([]);
      expect(await pending()).toEqual([]);
      expect(await heads()).toEqual({ 'T1/sale': headOf(sales[4]!) });
      expect(await fed()).toEqual(['s1', 's2', 's3', 's4', 's5']);
      expect(await level()).toBe(-5);
    });

    it('flags a gap only after the grace period, then verifies the records after it and the late one against its neighbours', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const sales = Array.from({ length: 4 }, (_, i) => till!.chains.sale(`s${i + 1}`));
      await push(till!, [sales[0]!, sales[1]!, sales[3]!]);
      await settle();
      clock += GRACE_MS - 1000;
      await settle();
      expect(await breaks()).toEqual([]);
      expect(await fed()).toEqual(['s1', 's2']);
      clock += 2000;
      await settle();
      expect(await breaks()).toEqual([
        {
          till_id: 'T1',
          chain: 'sale',
          epoch: 1,
          seq: 3,
          doc_id: null,
          code: 'gap',
          problem: 'record 3 of the sale chain had not arrived 10 min after record 4',
        },
      ]);
      expect(await fed()).toEqual(['s1', 's2', 's4']);
      // The missing record comes at last: checked against both neighbours, verified, fed.
      await push(till!, [sales[2]!]);
      await settle();
      expect(await breaks()).toHaveLength(1);
      expect(await fed()).toEqual(['s1', 's2', 's4', 's3']);
      expect(await level()).toBe(-4);
    });

    it('a first record late into a gap at the chain’s start fills it: its own journal, not a lost one', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const sales = Array.from({ length: 3 }, (_, i) => till!.chains.sale(`s${i + 1}`));
      await push(till!, [sales[1]!, sales[2]!]);
      await settle();
      clock += GRACE_MS + 1000;
      await settle();
      expect((await breaks()).map((b) => [b.epoch, b.seq, b.code])).toEqual([[1, 1, 'gap']]);
      await push(till!, [sales[0]!]);
      await settle();
      expect((await breaks()).map((b) => b.code)).toEqual(['gap']);
      expect(await heads()).toEqual({ 'T1/sale': { epoch: 1, seq: 3, hash: sales[2]!.hash } });
      expect(await fed()).toEqual(['s2', 's3', 's1']);
    });

    it('flags a forged signature, edited content and a reordered pair, naming each record; the chain goes on', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const sales = Array.from({ length: 7 }, (_, i) => t.sale(`s${i + 1}`));
      const forged = { ...sales[1]!, signature: sales[0]!.signature };
      const edited = { ...sales[2]!, payload: { ...sales[2]!.payload, staffId: 'staff-luc' } };
      // s5 and s6 swapped: each carries the other's sequence number.
      const swapped = [
        { ...sales[4]!, seq: 6 },
        { ...sales[5]!, seq: 5 },
      ];
      await push(till!, [sales[0]!, forged, edited, sales[3]!, ...swapped, sales[6]!]);
      await settle();
      expect((await breaks()).map((b) => [b.seq, b.doc_id, b.code])).toEqual([
        [2, 's2', 'signature'],
        [3, 's3', 'hash'],
        [5, 's6', 'hash'],
        [5, 's6', 'link'],
        [6, 's5', 'hash'],
        [6, 's5', 'link'],
        [7, 's7', 'link'],
      ]);
      expect(await fed()).toEqual(['s1', 's4']);
      expect(await level()).toBe(-2);
    });

    it('flags a record of another till pushed by this one (a replay), and a fork: two records with one sequence', async () => {
      const [t1, t2] = await enrolledTills(db(), 'S1', ['T1', 'T2']);
      const theirs = t2!.chains.sale('theirs-1');
      await push(t2!, [theirs]);
      // T1 pushes T2's sealed sale under its own till id (the push checks the document, not the record).
      const replay = { ...recordDoc(theirs), id: 'replayed', tillId: 'T1' };
      expect(await client(ctx().hub, t1!).push('sales', [{ newDocumentState: replay }])).toEqual({ conflicts: [], errors: [] });
      // A till sealing record 2 twice (a journal restored from an old copy, say): both signed, both linked to record 1.
      const mine = [t1!.chains.sale('mine-1'), t1!.chains.sale('mine-2')];
      t1!.chains.dropTail(mine[0]!);
      const fork = t1!.chains.sale('fork-2');
      await push(t1!, [...mine, fork]);
      await settle();
      expect((await breaks()).map((b) => [b.till_id, b.seq, b.doc_id, b.code])).toEqual([
        ['T1', 1, 'replayed', 'other-till'],
        ['T1', 2, 'fork-2', 'fork'],
      ]);
      expect((await fed()).sort()).toEqual(['mine-1', 'mine-2', 'theirs-1']);
    });

    it('flags a chain that restarts at 1 as a lost journal, and verifies the new journal', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      await push(till!, [t.sale('s1'), t.sale('s2')]);
      await settle();
      t.loseJournal();
      const again = [t.sale('n1'), t.sale('n2')];
      await push(till!, again);
      await settle();
      expect((await breaks()).map((b) => [b.epoch, b.seq, b.doc_id, b.code])).toEqual([[2, 1, 'n1', 'lost-journal']]);
      expect(await heads()).toEqual({ 'T1/sale': { epoch: 2, seq: 2, hash: again[1]!.hash } });
      expect(await fed()).toEqual(['s1', 's2', 'n1', 'n2']);
    });

    it('follows a key rotation: the new key is recorded and verifies what it signs; a key nobody endorsed does not', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const before = t.sale('s1');
      const next = newTillKey();
      const rotation = t.rotate(next);
      const after = t.sale('s2');
      // The sale signed by the new key arrives before the rotation that introduces it.
      await push(till!, [before, after]);
      await settle();
      expect(await fed()).toEqual(['s1']);
      await push(till!, [rotation]);
      await settle();
      expect(await breaks()).toEqual([]);
      expect(await fed()).toEqual(['s1', rotation.id, 's2']);
      expect(await db().query("SELECT key_id, source FROM till_keys WHERE till_id = 'T1' AND source = 'rotation'")).toEqual([
        { key_id: next.keyId, source: 'rotation' },
      ]);

      // A key that no rotation endorsed: flagged once the grace period is over.
      t.key = newTillKey();
      await push(till!, [t.sale('s3')]);
      await settle();
      expect(await breaks()).toEqual([]);
      clock += GRACE_MS + 1000;
      await settle();
      expect((await breaks()).map((b) => [b.seq, b.doc_id, b.code])).toEqual([[3, 's3', 'key']]);
    });

    it('flags a dropped tail: an anchor the chain never reaches, and a later start anchoring a lower head', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const s1 = t.sale('s1');
      const s2 = t.sale('s2');
      const s3 = t.sale('s3');
      const start = t.start();
      // s3 never reaches the hub, and the till forgets it: its next start anchors the sale chain at 2.
      await push(till!, [s1, s2, start]);
      await settle();
      expect(await breaks()).toEqual([]);
      t.dropTail(s2);
      const restart = t.start();
      await push(till!, [restart]);
      await settle();
      expect((await breaks()).map((b) => [b.chain, b.seq, b.doc_id, b.code])).toEqual([['event', 2, restart.id, 'dropped-tail']]);
      clock += GRACE_MS + 1000;
      await settle();
      expect((await breaks()).map((b) => [b.chain, b.seq, b.doc_id, b.code])).toEqual([
        ['event', 2, restart.id, 'dropped-tail'],
        ['sale', 3, start.id, 'dropped-tail'],
      ]);
      expect(s3.seq).toBe(3);
    });

    it('serves head office each till’s chains (verified up to, waiting, breaks, gaps, lost journals) and the breaks with their records', async () => {
      const [t1] = await enrolledTills(db(), 'S1', ['T1', 'T2']);
      const t = t1!.chains;
      const sales = Array.from({ length: 4 }, (_, i) => t.sale(`s${i + 1}`));
      const forged = { ...sales[1]!, signature: sales[0]!.signature };
      await push(t1!, [sales[0]!, forged, sales[3]!]);
      await settle();
      const office = headOffice(ctx().hub, await adminHeaders(db()));
      const report = await office.call('GET', '/api/v1/admin/stores/S1/chains');
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ storeId: 'S1', feedSeq: 1 });
      const [mine, other] = report.body.tills as { tillId: string; chains: { chain: string }[] }[];
      expect(other).toMatchObject({
        tillId: 'T2',
        invalidSales: 0,
        chains: [
          { chain: 'sale', verifiedSeq: 0 },
          { chain: 'event' },
          { chain: 'duplicate' },
          { chain: 'closing' },
          { chain: 'training' },
        ],
      });
      expect(mine!.chains[0]).toEqual({
        chain: 'sale',
        journal: 1,
        verifiedSeq: 2,
        verifiedHash: sales[1]!.hash,
        updatedAt: expect.any(String),
        pending: { records: 1, lowestSeq: 4, since: expect.any(String) },
        breaks: 1,
        gaps: [],
        lostJournals: [],
      });
      clock += GRACE_MS + 1000;
      await settle();
      const later = await office.call('GET', '/api/v1/admin/stores/S1/chains');
      expect((later.body.tills as { chains: { gaps: unknown }[] }[])[0]!.chains[0]!.gaps).toEqual([
        { journal: 1, from: 3, to: 3, open: true },
      ]);

      const listed = await office.call('GET', '/api/v1/admin/stores/S1/chain-breaks?code=signature');
      expect(listed).toEqual({
        status: 200,
        body: {
          breaks: [
            {
              tillId: 'T1',
              chain: 'sale',
              journal: 1,
              seq: 2,
              collection: 'sales',
              docId: 's2',
              code: 'signature',
              problem: 'signature is not valid',
              details: {},
              foundAt: expect.any(String),
              record: forged,
            },
          ],
        },
      });
      expect(((await office.call('GET', '/api/v1/admin/stores/S1/chain-breaks')).body.breaks as unknown[]).length).toBe(2);
      expect((await office.call('GET', '/api/v1/admin/stores/S9/chains')).status).toBe(404);
      expect((await ctx().hub.app.inject({ method: 'GET', url: '/api/v1/admin/stores/S1/chains' })).statusCode).toBe(401);
    });

    it('pushes never wait for verification: a push costs the statements it cost before, and is answered while a step is under way', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const counting = countingDatabase(db());
      await pushDocuments(counting.db, till!, SALES, pushRowsOf(Array.from({ length: 50 }, (_, i) => t.sale(`s${i + 1}`))));
      // The append-only function, then the notice: nothing of the verifier on the push path.
      expect(counting.count(/hub_push_append_only/)).toBe(1);
      expect(counting.count(/chain_|till_keys|verification/)).toBe(0);
      expect(counting.count(/./)).toBe(2);

      // A verifier whose signatures take as long as the test says: its step holds no lock a push needs.
      await ctx().hub.projectors!.verifier.close();
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let started = 0;
      const slow = new ChainVerifier(db(), {
        settleMs: 0,
        signatures: {
          async verify(jobs: readonly SignatureJob[]) {
            started += 1;
            await held;
            return jobs.map(() => true);
          },
        },
      });
      // Its start catches up with the 50 sales: the step is held at their signatures.
      const starting = slow.start();
      try {
        await expect.poll(() => started, { timeout: 5000, interval: 10 }).toBeGreaterThan(0);
        const pushedAt = Date.now();
        await push(till!, [t.sale('s51'), t.sale('s52')]);
        expect(Date.now() - pushedAt).toBeLessThan(2000);
        expect(await fed()).toEqual([]);
        release();
        await starting;
        await slow.catchUp();
        expect(await fed()).toHaveLength(52);
      } finally {
        release();
        await starting;
        await slow.close();
        await ctx().hub.projectors!.verifier.start();
      }
    });

    it('a sale whose figures do not add up is kept and reported with its record and problems, never projected', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const good = t.sale('good');
      const payload = { ...t.sale('template').payload, saleId: 'bad', total: 1 };
      t.dropTail(good);
      const bad = t.seal('sale', 'bad', payload);
      await push(till!, [good, bad]);
      await settle();
      expect(await breaks()).toEqual([]);
      expect(await fed()).toEqual(['good']);
      expect(await level()).toBe(-1);
      const [incident, ...others] = await db().query<{ kind: string; doc_id: string; details: Record<string, unknown> }>(
        'SELECT kind, doc_id, details FROM incidents',
      );
      expect(others).toEqual([]);
      expect(incident).toMatchObject({
        kind: 'invalid_sale',
        doc_id: 'bad',
        details: { seq: 2, record: bad, problems: expect.arrayContaining([expect.objectContaining({ code: 'totals' })]) },
      });
    });

    it('checks each sale with the store’s settings at the hub: the VAT rate in force when the sale completed', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile();
      // The reduced rate goes from 5.5 % to 7 % at noon.
      const noon = '2026-11-22T12:00:00.000Z';
      const reduced = settings.vatRates.find((r) => r.id === 'FR-5.5')!;
      const vatRates = [
        ...settings.vatRates.filter((r) => r.id !== 'FR-5.5'),
        { ...reduced, validUntil: noon },
        { ...reduced, rateBp: 700, validFrom: noon },
      ];
      expect((await putStoreSettings(db(), 'S1', { ...settings, vatRates })).changed).toBe(true);
      const t = till!.chains;
      const line = [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }];
      // Both sold at 5.5 %: right in the morning, wrong in the afternoon.
      const morning = t.seal('sale', 'morning', saleWithLines(t, 'morning', line, '2026-11-22T09:01:00.000Z'));
      const afternoon = t.seal('sale', 'afternoon', saleWithLines(t, 'afternoon', line, '2026-11-22T15:00:00.000Z'));
      await push(till!, [morning, afternoon]);
      await settle();
      expect(await breaks()).toEqual([]);
      expect(await fed()).toEqual(['morning']);
      expect(await level()).toBe(-1);
      const [incident] = await db().query<{ doc_id: string; details: { problems: { code: string }[] } }>(
        "SELECT doc_id, details FROM incidents WHERE kind = 'invalid_sale'",
      );
      expect(incident!.doc_id).toBe('afternoon');
      expect(incident!.details.problems.map((p) => p.code)).toContain('vat-rate');
    });

    it('checks a version 1 sale’s business date with the store’s zone and day start at the hub; a version 0 sale has none', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile();
      // The store's day starts at 04:00: 01:30 in Paris on the 23rd is still the 22nd.
      expect((await putStoreSettings(db(), 'S1', { ...settings, dayStartHour: 4 })).changed).toBe(true);
      const t = till!.chains;
      const line = [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }];
      const late = '2026-11-23T00:30:00.000Z';
      const midnightDay = saleWithLines(t, 'midnight-day', line, late);
      expect(midnightDay).toMatchObject({ v: 1, businessDate: '2026-11-23' });
      const storeDay = { ...saleWithLines(t, 'store-day', line, late), businessDate: '2026-11-22' };
      const old = saleAsVersion0(saleWithLines(t, 'old', line, late));
      const records = [t.seal('sale', 'midnight-day', midnightDay), t.seal('sale', 'store-day', storeDay), t.seal('sale', 'old', old)];
      await push(till!, records);
      await settle();
      expect(await breaks()).toEqual([]);
      expect(await fed()).toEqual(['store-day', 'old']);
      const [incident] = await db().query<{ doc_id: string; details: { problems: { code: string; message: string }[] } }>(
        "SELECT doc_id, details FROM incidents WHERE kind = 'invalid_sale'",
      );
      expect(incident!.doc_id).toBe('midnight-day');
      expect(incident!.details.problems).toEqual([expect.objectContaining({ code: 'time', message: expect.stringMatching(/2026-11-22/) })]);
    });
  });
}
