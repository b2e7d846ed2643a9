import { monthlySum, type PeriodClosingPayload, type SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { closedDays, payloadOf, sealedMonth, sealedYear } from '../test-support/period-closings';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const GRACE_MS = 10 * 60_000;

type Check = { seq: number; kind: string; business_date: string; status: string; differences: unknown[]; missing: { why: string }[] };

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`monthly and yearly closings recomputed on ${target.name}`, () => {
    // The verifier's clock: a test moves it past the grace period of a gap instead of waiting.
    let clock = Date.now();
    const ctx = useTestHub(target, { rateLimit: false, verification: { graceMs: GRACE_MS, now: () => clock } });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    const checks = async (kind?: string) =>
      (
        await db().query<Check>(
          `SELECT seq, kind, business_date, status, differences, missing FROM closing_checks
            WHERE store_id = 'S1' AND ($1::text IS NULL OR kind = $1) ORDER BY seq`,
          [kind ?? null],
        )
      ).map((c) => ({ ...c, seq: Number(c.seq) }));
    const statusOf = async (kind: string) => (await checks(kind)).map((c) => [c.business_date, c.status]);

    it('a month of daily closings matches its monthly closing, and the next month continues its grand totals; the routes list them', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const november = closedDays(t, ['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-30']);
      const month = sealedMonth(t, '2026-11', november.days);
      const december = closedDays(t, ['2026-12-01'], payloadOf(november.days.at(-1)!));
      const next = sealedMonth(t, '2026-12', december.days, month);
      expect(payloadOf(next).perpetualGrandTotal).toBeGreaterThan(payloadOf(month).perpetualGrandTotal);
      await push(till!, [t.start(), ...november.sales, ...november.days, month, ...december.sales, ...december.days, next]);
      expect(await db().query("SELECT code FROM chain_breaks WHERE store_id = 'S1'")).toEqual([]);
      expect(await statusOf('day')).toEqual([
        ['2026-11-02', 'match'],
        ['2026-11-03', 'match'],
        ['2026-11-05', 'match'],
        ['2026-11-30', 'match'],
        ['2026-12-01', 'match'],
      ]);
      expect(await statusOf('month')).toEqual([
        ['2026-11', 'match'],
        ['2026-12', 'match'],
      ]);

      const office = headOffice(ctx().hub, await adminHeaders(db()));
      const list = await office.call('GET', '/api/v1/admin/stores/S1/closings?from=2026-11-03&to=2026-11-30');
      expect(list.status).toBe(200);
      expect(
        (list.body.closings as { kind: string; businessDate: string; status: string }[]).map((c) => [c.kind, c.businessDate, c.status]),
      ).toEqual([
        ['month', '2026-11', 'match'],
        ['day', '2026-11-03', 'match'],
        ['day', '2026-11-05', 'match'],
        ['day', '2026-11-30', 'match'],
      ]);
      const one = await office.call('GET', `/api/v1/admin/stores/S1/closings/T1/${month.seq}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ kind: 'month', businessDate: '2026-11', status: 'match', differences: [], missing: [] });
      expect(one.body.recomputed).toEqual(month.payload);
    });

    it('names the figures of a monthly closing that does not sum its days, and of one whose grand totals do not continue the month before', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const november = closedDays(t, ['2026-11-02', '2026-11-03', '2026-11-05']);
      // The till left its last day out of the month.
      const short = sealedMonth(t, '2026-11', november.days.slice(0, 2));
      const december = closedDays(t, ['2026-12-01'], payloadOf(november.days.at(-1)!));
      // Its grand totals 1.00 € above where November left them: core's sum without its last check, as a faulty till would seal it.
      const previous: PeriodClosingPayload = { ...payloadOf(short), perpetualGrandTotal: payloadOf(short).perpetualGrandTotal + 100 };
      const drifted = t.seal(
        'closing',
        'month-2026-12',
        monthlySum({ month: '2026-12', currency: 'EUR', dailies: december.days.map(payloadOf), previous }).closing,
      );
      await push(till!, [t.start(), ...november.sales, ...november.days, short, ...december.sales, ...december.days, drifted]);
      expect(await statusOf('day')).toEqual([
        ['2026-11-02', 'match'],
        ['2026-11-03', 'match'],
        ['2026-11-05', 'match'],
        ['2026-12-01', 'match'],
      ]);
      const [nov, dec] = await checks('month');
      const last = payloadOf(november.days.at(-1)!);
      expect(nov).toMatchObject({ status: 'difference', missing: [] });
      expect(nov!.differences).toEqual(
        expect.arrayContaining([
          { figure: 'count', sealed: 2, recomputed: 3 },
          { figure: 'closings.2', sealed: null, recomputed: '2026-11-05' },
          { figure: 'lastSaleSeq', sealed: 2, recomputed: 3 },
          { figure: 'perpetualGrandTotal', sealed: payloadOf(short).perpetualGrandTotal, recomputed: last.perpetualGrandTotal },
          { figure: 'levelBelow.perpetualGrandTotal', sealed: payloadOf(short).perpetualGrandTotal, recomputed: last.perpetualGrandTotal },
        ]),
      );
      // December sums its day right: only the grand totals, off the month before by 1.00 € and off its own last day.
      const sealedTotal = payloadOf(drifted).perpetualGrandTotal;
      expect(dec).toMatchObject({ status: 'difference', missing: [] });
      const decDay = payloadOf(december.days[0]!);
      expect(dec!.differences).toEqual([
        { figure: 'levelBelow.perpetualGrandTotal', sealed: sealedTotal, recomputed: decDay.perpetualGrandTotal },
        // The absolute total's continuity holds (only the net one was moved), but November left a day out.
        {
          figure: 'levelBelow.perpetualGrandTotalAbsolute',
          sealed: payloadOf(drifted).perpetualGrandTotalAbsolute,
          recomputed: decDay.perpetualGrandTotalAbsolute,
        },
        { figure: 'perpetualGrandTotal', sealed: sealedTotal, recomputed: sealedTotal - 100 },
      ]);
    });

    it('a monthly closing verified before its days is pending, naming them, and matches once they arrive', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      // October's closing first: a chain whose very first records come after the grace period reads as a journal lost and begun again.
      const october = closedDays(t, ['2026-10-30']);
      const octoberMonth = sealedMonth(t, '2026-10', october.days);
      const november = closedDays(t, ['2026-11-02', '2026-11-03', '2026-11-05'], payloadOf(october.days[0]!));
      const month = sealedMonth(t, '2026-11', november.days, octoberMonth);
      await push(till!, [t.start(), ...october.sales, ...october.days, octoberMonth, ...november.sales, month]);
      expect(await statusOf('month')).toEqual([['2026-10', 'match']]);
      // The days never come within the grace period: the verifier flags the gap and verifies the month.
      clock += GRACE_MS + 1000;
      await ctx().hub.catchUp();
      const [, waiting] = await checks('month');
      expect(waiting).toMatchObject({ seq: 6, status: 'pending' });
      expect(waiting!.missing).toEqual([
        { chain: 'closing', from: 1, to: 5, why: 'the daily closings it sums: 2026-11-02, 2026-11-03, 2026-11-05' },
      ]);
      expect(waiting!.differences).toContainEqual({ figure: 'count', sealed: 3, recomputed: 0 });
      await push(till!, november.days);
      expect(await statusOf('day')).toEqual([
        ['2026-10-30', 'match'],
        ['2026-11-02', 'match'],
        ['2026-11-03', 'match'],
        ['2026-11-05', 'match'],
      ]);
      expect(await checks('month')).toEqual([
        expect.objectContaining({ business_date: '2026-10', status: 'match' }),
        expect.objectContaining({ business_date: '2026-11', status: 'match', differences: [], missing: [] }),
      ]);
    });

    it('a yearly closing over twelve monthly closings matches, and the routes list it with its months and days', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const records: SealedRecord[] = [t.start()];
      const months: SealedRecord<'closing'>[] = [];
      let lastDay: PeriodClosingPayload | undefined;
      for (let m = 1; m <= 12; m++) {
        const month = `2026-${String(m).padStart(2, '0')}`;
        const days = closedDays(t, [`${month}-10`, `${month}-20`], lastDay);
        lastDay = payloadOf(days.days.at(-1)!);
        months.push(sealedMonth(t, month, days.days, months.at(-1)));
        records.push(...days.sales, ...days.days, months.at(-1)!);
      }
      const year = sealedYear(t, '2026', months);
      expect(payloadOf(year)).toMatchObject({ count: 24, closings: months.map((r) => payloadOf(r).period) });
      await push(till!, [...records, year]);
      expect(await db().query("SELECT code FROM chain_breaks WHERE store_id = 'S1'")).toEqual([]);
      expect((await checks('month')).map((c) => c.status)).toEqual(Array(12).fill('match'));
      expect(await statusOf('year')).toEqual([['2026', 'match']]);
      const office = headOffice(ctx().hub, await adminHeaders(db()));
      const list = await office.call('GET', '/api/v1/admin/stores/S1/closings?from=2026-12-20&to=2026-12-31');
      expect((list.body.closings as { kind: string; businessDate: string }[]).map((c) => [c.kind, c.businessDate])).toEqual([
        ['year', '2026'],
        ['month', '2026-12'],
        ['day', '2026-12-20'],
      ]);
    });
  });
}
