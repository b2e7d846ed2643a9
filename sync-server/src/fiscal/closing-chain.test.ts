import { dailyClosing, zClosing, zFigures, type CashSessionClosePayload, type CashSessionOpenPayload, type SealedRecord } from '@pos/core';
import { countOf } from '@pos/core/cash/test-support/count-of';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

/**
 * A till's cash session (on the event chain) and its Z and daily closing (on the closing chain)
 * reach the hub with its other records: the chain verifier verifies the closing chain like any
 * other, and breaks on a closing whose payload is not of its published shape.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the closing chain at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };

    it('verifies a session’s events, its Z and the daily closing, sealed as the till host seals them', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const open: CashSessionOpenPayload = {
        type: 'cash.session.open',
        sessionId: 'cs-1',
        tillId: 'T1',
        staffId: 'staff-camille',
        openedAt: '2026-11-22T08:00:00.000Z',
        businessDate: '2026-11-22',
        currency: 'EUR',
        float: { count: countOf(10_000), total: 10_000 },
      };
      const start = t.start();
      const opened = t.event('cash-open-cs-1', open);
      const sale = t.sale('s1', [{ lineId: 'l1', productId: 'prd-1', quantity: 2 }]);
      const expected = 10_000 + sale.payload.total;
      const close: CashSessionClosePayload = {
        type: 'cash.session.close',
        sessionId: 'cs-1',
        closedAt: '2026-11-22T19:00:00.000Z',
        staffId: 'staff-camille',
        currency: 'EUR',
        varianceLimit: 500,
        tenders: [{ method: 'cash', counted: expected, expected, variance: 0, count: countOf(expected) }],
      };
      const closed = t.event('cash-close-cs-1', close);
      const z = t.seal('closing', 'z-cs-1', zClosing(zFigures(open, close, [sale.payload], [], []), undefined));
      const day = t.seal(
        'closing',
        'closing.day-2026-11-22',
        dailyClosing({ date: '2026-11-22', currency: 'EUR', sales: [{ seq: sale.seq, hash: sale.hash, payload: sale.payload }] }),
      );
      await push(till!, [start, opened, sale, closed, z, day]);

      expect(await db().query('SELECT chain, code FROM chain_breaks')).toEqual([]);
      const heads = await db().query<{ chain: string; seq: number }>('SELECT chain, seq FROM chain_heads ORDER BY chain');
      expect(heads.map((h) => [h.chain, Number(h.seq)])).toEqual([
        ['closing', 2],
        ['event', 3],
        ['sale', 1],
      ]);
      const placed = await db().query<{ doc_id: string; status: string; collection: string }>(
        `SELECT doc_id, status, collection FROM chain_records WHERE chain = 'closing' ORDER BY seq`,
      );
      expect(placed).toEqual([
        { doc_id: 'z-cs-1', status: 'verified', collection: 'till_records' },
        { doc_id: 'closing.day-2026-11-22', status: 'verified', collection: 'till_records' },
      ]);
    });

    it('breaks on a closing whose payload carries a field its shape does not name', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const forged = till!.chains.seal('closing', 'closing.day-2026-11-22', {
        ...dailyClosing({ date: '2026-11-22', currency: 'EUR', sales: [] }),
        note: 'Mme Martin',
      } as never);
      await push(till!, [forged]);
      expect(await db().query('SELECT chain, code FROM chain_breaks')).toEqual([{ chain: 'closing', code: 'schema' }]);
    });
  });
}
