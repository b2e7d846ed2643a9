import { randomBytes } from 'node:crypto';
import { CARD_CODE_RANDOM_BYTES, newCardCode } from '@pos/core';
import { describe, expect, it, vi } from 'vitest';
import { revokeTill } from '../auth/revoke-till';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { ledgerTillClient, minutesFromNow } from '../test-support/ledger-till-client';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, useTestHub } from '../test-support/test-hub';

const member = { customerId: 'cus-1', programId: 'prog-1' };

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the till’s online path for points at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    /** Two stores' tills, and the member given `points` by head office (an audited adjustment). */
    async function setUp(points: number) {
      const { db, hub } = ctx();
      const [a] = await enrolledTills(db, 'S1', ['T1']);
      const [b] = await enrolledTills(db, 'S2', ['T1']);
      const ho = headOffice(hub, await adminHeaders(db));
      const given = await ho.call('POST', `/api/v1/admin/loyalty/members/${member.customerId}/adjustments`, {
        programId: member.programId,
        adjustmentId: 'welcome',
        points,
        reason: 'Welcome points',
      });
      expect(given).toMatchObject({ status: 200, body: { entryId: 'adjust:welcome', points, available: points } });
      return { a: ledgerTillClient(hub, a!.token), b: ledgerTillClient(hub, b!.token), ho, tills: { a: a!, b: b! } };
    }

    it('reserves, consumes once and shows the balance; the same reservation pushed twice is one', async () => {
      const { a } = await setUp(500);
      expect(await a.balance(member.customerId, member.programId)).toMatchObject({
        status: 200,
        body: { ...member, available: 500, reserved: 0, debt: 0 },
      });
      const reservation = { ...member, reservationId: 'r-1', points: 200, until: minutesFromNow(15) };
      const first = await a.reserve(reservation);
      expect(first).toMatchObject({ status: 200, body: { reservationId: 'r-1', points: 200, available: 300 } });
      expect(await a.reserve(reservation)).toEqual({ ...first, headers: expect.anything() });
      expect((await a.balance(member.customerId, member.programId)).body).toMatchObject({ available: 300, reserved: 200 });
      const other = await a.reserve({ ...reservation, points: 100 });
      expect(other).toMatchObject({ status: 409, body: { error: 'ledger_entry_conflict' } });

      const consumed = await a.consume('r-1', { ...member, saleId: 'sale-1', points: 150 });
      expect(consumed).toMatchObject({ status: 200, body: { entryId: 'redeem:sale-1', saleId: 'sale-1', points: 150, available: 350 } });
      expect((await a.consume('r-1', { ...member, saleId: 'sale-1', points: 150 })).body).toEqual(consumed.body);
      expect(await a.consume('r-1', { ...member, saleId: 'sale-2' })).toMatchObject({
        status: 409,
        body: { error: 'reservation_not_open' },
      });
      expect((await a.balance(member.customerId, member.programId)).body).toMatchObject({ available: 350, reserved: 0 });
      const [rows] = await ctx().db.query<{ n: number }>("SELECT count(*)::int AS n FROM loyalty_entries WHERE kind = 'redeem'");
      expect(rows!.n).toBe(1);
    });

    it('refuses more than the balance with the balance, and a released reservation frees the points (idempotently)', async () => {
      const { a } = await setUp(300);
      const tooMuch = await a.reserve({ ...member, reservationId: 'r-big', points: 301, until: minutesFromNow(15) });
      expect(tooMuch).toMatchObject({ status: 409, body: { error: 'insufficient_points', values: { available: 300 } } });
      await a.reserve({ ...member, reservationId: 'r-1', points: 250, until: minutesFromNow(15) });
      expect(await a.reserve({ ...member, reservationId: 'r-2', points: 100, until: minutesFromNow(15) })).toMatchObject({
        status: 409,
        body: { error: 'insufficient_points', values: { available: 50 } },
      });
      const released = await a.release('r-1', member);
      expect(released).toMatchObject({ status: 200, body: { reservationId: 'r-1', released: true, available: 300 } });
      expect((await a.release('r-1', member)).body).toEqual(released.body);
      expect(await a.reserve({ ...member, reservationId: 'r-2', points: 100, until: minutesFromNow(15) })).toMatchObject({
        status: 200,
        body: { available: 200 },
      });
      expect(await a.consume('r-1', { ...member, saleId: 'sale-abandoned' })).toMatchObject({
        status: 409,
        body: { error: 'reservation_not_open' },
      });
      expect(await a.release('never-made', member)).toMatchObject({ status: 200, body: { released: false, available: 200 } });
    });

    it('two stores’ tills reserving the same balance at the same moment over HTTP: exactly one succeeds', async () => {
      const { tills } = await setUp(100);
      const url = ctx().hub.url ?? (await ctx().hub.listen());
      const until = minutesFromNow(15);
      for (let round = 0; round < 5; round += 1) {
        const ask = (token: string, reservationId: string) =>
          fetch(`${url}/api/v1/till/loyalty/reservations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ ...member, reservationId, points: 80, until }),
          }).then(async (res) => ({ status: res.status, body: (await res.json()) as { error?: string; values?: unknown } }));
        const answers = await Promise.all([ask(tills.a.token, `a-${round}`), ask(tills.b.token, `b-${round}`)]);
        expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
        expect(answers.find((x) => x.status === 409)!.body).toMatchObject({ error: 'insufficient_points', values: { available: 20 } });
        const [winner, token] = answers[0]!.status === 200 ? [`a-${round}`, tills.a.token] : [`b-${round}`, tills.b.token];
        // Released by the till that reserved (only it may).
        const release = await ledgerTillClient(ctx().hub, token).release(winner, member);
        expect(release.body).toMatchObject({ released: true, available: 100 });
      }
    });

    it('answers the same reservation sent twice at the same moment once: one reservation, the same answer', async () => {
      const { tills } = await setUp(100);
      const url = ctx().hub.url ?? (await ctx().hub.listen());
      const body = JSON.stringify({ ...member, reservationId: 'twice', points: 60, until: minutesFromNow(15) });
      const send = () =>
        fetch(`${url}/api/v1/till/loyalty/reservations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tills.a.token}`, 'content-type': 'application/json' },
          body,
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown }));
      const [first, second] = await Promise.all([send(), send()]);
      expect(first).toEqual({ status: 200, body: { reservationId: 'twice', points: 60, until: expect.any(String), available: 40 } });
      expect(second).toEqual(first);
      const [rows] = await ctx().db.query<{ n: number }>("SELECT count(*)::int AS n FROM loyalty_entries WHERE kind = 'reserve'");
      expect(rows!.n).toBe(1);
    });

    it('lets a till of another store use the same member’s points, and refuses a revoked till', async () => {
      const { a, b } = await setUp(100);
      await a.reserve({ ...member, reservationId: 'r-a', points: 40, until: minutesFromNow(15) });
      expect(await b.reserve({ ...member, reservationId: 'r-b', points: 60, until: minutesFromNow(15) })).toMatchObject({
        status: 200,
        body: { available: 0 },
      });
      const [row] = await ctx().db.query<{ till_id: string }>("SELECT till_id FROM loyalty_entries WHERE entry_id = 'r-b'");
      expect(row!.till_id).toBe('S2.T1');
      await revokeTill(ctx().db, { storeId: 'S2', tillId: 'T1' });
      // On PostgreSQL the revocation reaches the hub's remembered tokens by NOTIFY, a moment later.
      await vi.waitFor(async () => expect((await b.balance(member.customerId, member.programId)).status).toBe(401), { timeout: 5_000 });
      expect((await b.consume('r-b', { ...member, saleId: 'sale-b' })).status).toBe(401);
      expect((await a.consume('r-a', { ...member, saleId: 'sale-a' })).status).toBe(200);
    });

    it('lets only the till that reserved spend or release what it set aside, points and cards alike', async () => {
      const { a, b } = await setUp(100);
      await a.reserve({ ...member, reservationId: 'r-a', points: 40, until: minutesFromNow(15) });
      // Another till of the chain that learnt the id (a log, a receipt in a bin) cannot use it.
      const refused = { status: 403, body: { error: 'reservation_of_another_till' } };
      expect(await b.consume('r-a', { ...member, saleId: 'sale-b' })).toMatchObject(refused);
      expect(await b.release('r-a', member)).toMatchObject(refused);
      expect((await a.balance(member.customerId, member.programId)).body).toMatchObject({ available: 60, reserved: 40 });
      expect(await a.consume('r-a', { ...member, saleId: 'sale-a' })).toMatchObject({ status: 200, body: { points: 40, available: 60 } });

      const sold = await a.sellGiftCard({ saleId: 'sale-gc-own', lineId: 'l1', amount: 2_000, currency: 'EUR' });
      const { code, cardId } = sold.body as { code: string; cardId: string };
      await a.reserveCard({ code, reservationId: 'gr-a', amount: 500, until: minutesFromNow(10) });
      expect(await b.spendCard(cardId, 'gr-a', { saleId: 'sale-b2', tenderId: 't1' })).toMatchObject(refused);
      expect(await b.releaseCard(cardId, 'gr-a')).toMatchObject(refused);
      expect(await a.spendCard(cardId, 'gr-a', { saleId: 'sale-a2', tenderId: 't1' })).toMatchObject({
        status: 200,
        body: { amount: 500, available: 1_500 },
      });
    });

    it('refuses bad input with a coded 400 before the ledger reads it', async () => {
      const { a } = await setUp(100);
      const until = minutesFromNow(15);
      const bad = [
        { ...member, reservationId: 'redeem:s1', points: 10, until },
        { ...member, reservationId: 'r', points: 0, until },
        { ...member, reservationId: 'r', points: 1.5, until },
        { ...member, reservationId: 'r', points: Number.MAX_SAFE_INTEGER, until },
        { ...member, reservationId: 'r', points: 10, until: 'tomorrow' },
        { customerId: 'cus-1', reservationId: 'r', points: 10, until },
      ];
      for (const body of bad) expect(await a.reserve(body)).toMatchObject({ status: 400, body: { error: 'bad_request' } });
      expect(await a.reserve({ ...member, reservationId: 'r', points: 10, until: minutesFromNow(60 * 25) })).toMatchObject({
        status: 422,
        body: { error: 'invalid_ledger_request' },
      });
      expect((await a.call('GET', '/api/v1/till/loyalty/members/cus-1')).status).toBe(400);
      // A store named in the body is dropped: the ledger names the token's till.
      expect((await a.reserve({ ...member, reservationId: 'r-ok', points: 10, until, storeId: 'S9', tillId: 'X' })).status).toBe(200);
      const [row] = await ctx().db.query<{ till_id: string }>("SELECT till_id FROM loyalty_entries WHERE entry_id = 'r-ok'");
      expect(row!.till_id).toBe('S1.T1');
      expect((await a.lookup('x'.repeat(41))).status).toBe(400);
    });

    it('gives head office a member’s balance and entries, and records who corrected it and why', async () => {
      const { a, ho } = await setUp(100);
      await a.reserve({ ...member, reservationId: 'r-1', points: 30, until: minutesFromNow(15) });
      await a.consume('r-1', { ...member, saleId: 'sale-1' });
      expect(
        await ho.call('POST', `/api/v1/admin/loyalty/members/cus-1/adjustments`, {
          programId: member.programId,
          adjustmentId: 'fix-1',
          points: -71,
          reason: 'Too much',
        }),
      ).toMatchObject({ status: 409, body: { error: 'insufficient_points', values: { available: 70 } } });
      expect(
        (await ho.call('POST', `/api/v1/admin/loyalty/members/cus-1/adjustments`, { ...member, adjustmentId: 'x', points: 0, reason: 'r' }))
          .status,
      ).toBe(400);
      const read = await ho.call('GET', `/api/v1/admin/loyalty/members/cus-1?programId=${member.programId}&limit=2`);
      expect(read).toMatchObject({ status: 200, body: { available: 70, redeemed: 30, adjusted: 100, more: true } });
      expect((read.body.entries as { entryId: string }[]).map((e) => e.entryId)).toEqual(['redeem:sale-1', 'r-1']);
      const audit = await ctx().db.query<{ action: string; target: string; after: { reason: string } }>(
        'SELECT action, target, after FROM audit_log ORDER BY id',
      );
      expect(audit).toEqual([
        {
          action: 'POST /api/v1/admin/loyalty/members/:customerId/adjustments',
          target: '/api/v1/admin/loyalty/members/cus-1/adjustments',
          after: expect.objectContaining({ reason: 'Welcome points', points: 100 }),
        },
      ]);
      const [entry] = await ctx().db.query<{ entry: { staffId: string; reason: string } }>(
        "SELECT entry FROM loyalty_entries WHERE entry_id = 'adjust:welcome'",
      );
      expect(entry!.entry).toMatchObject({ reason: 'Welcome points', staffId: expect.stringMatching(/^token\./) });
    });
  });

  describe.skipIf(target.skip)(`the till’s online path for gift cards and store credit on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    it('sells a card (its code once), looks it up, reserves, spends part, releases and reloads it', async () => {
      const { db, hub } = ctx();
      const [a] = await enrolledTills(db, 'S1', ['T1']);
      const [b] = await enrolledTills(db, 'S2', ['T1']);
      const tillA = ledgerTillClient(hub, a!.token);
      const tillB = ledgerTillClient(hub, b!.token);
      const sale = { saleId: 'sale-gc', lineId: 'l1', amount: 5_000, currency: 'EUR' };
      const sold = await tillA.sellGiftCard(sale);
      expect(sold).toMatchObject({ status: 200, body: { kind: 'gift_card', amount: 5_000, available: 5_000 } });
      expect(sold.headers['cache-control']).toBe('no-store');
      const code = sold.body.code as string;
      const cardId = sold.body.cardId as string;
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}$/);
      const again = await tillA.sellGiftCard(sale);
      expect(again.body).toEqual({ ...sold.body, code: undefined });
      expect(JSON.stringify(again.body)).not.toContain(code);

      const looked = await tillB.lookup(code.toLowerCase().replaceAll('-', ' '));
      expect(looked).toMatchObject({
        status: 200,
        body: { cardId, kind: 'gift_card', currency: 'EUR', status: 'active', available: 5_000, reserved: 0 },
      });
      expect(JSON.stringify(looked.body)).not.toContain(code.slice(0, 14));

      const reserved = await tillB.reserveCard({ code, reservationId: 'gr-1', amount: 3_000, until: minutesFromNow(10) });
      expect(reserved).toMatchObject({ status: 200, body: { cardId, amount: 3_000, available: 2_000 } });
      expect(await tillA.reserveCard({ code, reservationId: 'gr-2', amount: 2_500, until: minutesFromNow(10) })).toMatchObject({
        status: 409,
        body: { error: 'insufficient_balance', values: { available: 2_000 } },
      });
      const spent = await tillB.spendCard(cardId, 'gr-1', { saleId: 'sale-b', tenderId: 't1', amount: 1_200 });
      expect(spent).toMatchObject({ status: 200, body: { cardId, entryId: 'redeem:sale-b:t1', amount: 1_200, available: 3_800 } });
      expect((await tillB.spendCard(cardId, 'gr-1', { saleId: 'sale-b', tenderId: 't1', amount: 1_200 })).body).toEqual(spent.body);
      expect(await tillB.spendCard(cardId, 'gr-1', { saleId: 'sale-c', tenderId: 't1' })).toMatchObject({
        status: 409,
        body: { error: 'reservation_not_open' },
      });
      await tillA.reserveCard({ code, reservationId: 'gr-3', amount: 800, until: minutesFromNow(10) });
      expect(await tillA.releaseCard(cardId, 'gr-3')).toMatchObject({ status: 200, body: { cardId, released: true, available: 3_800 } });
      expect(await tillA.releaseCard(cardId, 'gr-3')).toMatchObject({ status: 200, body: { released: true } });
      expect(await tillA.reload(cardId, { saleId: 'sale-reload', amount: 1_000 })).toMatchObject({
        status: 200,
        body: { entryId: `reload:sale-reload:${cardId}`, amount: 1_000, available: 4_800 },
      });
      // A return of sale-b puts back at most what sale-b took from the card, once.
      expect(await tillA.refund(cardId, { saleId: 'sale-b', returnId: 'ret-b', amount: 1_201 })).toMatchObject({
        status: 422,
        body: { error: 'invalid_amount' },
      });
      const refunded = await tillA.refund(cardId, { saleId: 'sale-b', returnId: 'ret-b', amount: 200 });
      expect(refunded).toMatchObject({ status: 200, body: { entryId: `refund:ret-b:${cardId}`, amount: 200, available: 5_000 } });
      expect((await tillA.refund(cardId, { saleId: 'sale-b', returnId: 'ret-b', amount: 200 })).body).toEqual(refunded.body);
      const [row] = await db.query<{ till_id: string }>("SELECT till_id FROM stored_value_entries WHERE kind = 'issue'");
      expect(row!.till_id).toBe('S1.T1');
      expect(JSON.stringify(await db.query('SELECT * FROM stored_value_cards'))).not.toContain(code);

      const ho = headOffice(hub, await adminHeaders(db));
      const card = await ho.call('GET', `/api/v1/admin/cards/${cardId}`);
      expect(card).toMatchObject({
        status: 200,
        body: { cardId, status: 'active', available: 5_000, loaded: 6_000, redeemed: 1_200, refunded: 200 },
      });
      // issue, reserve gr-1, its spend, reserve gr-3, its release, the reload, the refund: the refused wrote nothing.
      expect((card.body.entries as { kind: string }[]).map((e) => e.kind)).toEqual([
        'refund',
        'reload',
        'release',
        'reserve',
        'redeem',
        'reserve',
        'issue',
      ]);
      expect(JSON.stringify(card.body)).not.toContain(code);
      const cancelled = await ho.call('POST', `/api/v1/admin/cards/${cardId}/cancel`, { reason: 'Lost, replaced' });
      expect(cancelled).toMatchObject({ status: 200, body: { cardId, entryId: `cancel:${cardId}`, voided: 5_000 } });
      expect((await ho.call('POST', `/api/v1/admin/cards/${cardId}/cancel`, { reason: 'Lost, replaced' })).body).toEqual(cancelled.body);
      expect((await tillB.lookup(code)).body).toMatchObject({ status: 'cancelled', available: 0 });
      expect(await tillB.reserveCard({ code, reservationId: 'gr-9', amount: 1, until: minutesFromNow(5) })).toMatchObject({
        status: 409,
        body: { error: 'card_cancelled' },
      });
      const audited = await db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id');
      expect(audited.map((a) => a.action)).toEqual(['POST /api/v1/admin/cards/:cardId/cancel', 'POST /api/v1/admin/cards/:cardId/cancel']);
      expect(await ho.call('GET', `/api/v1/admin/cards/card_${'0'.repeat(32)}`)).toMatchObject({
        status: 404,
        body: { error: 'card_not_issued' },
      });
    });

    it('gives store credit on a return to a member, spendable in another store, never reloadable', async () => {
      const { db, hub } = ctx();
      const [a] = await enrolledTills(db, 'S1', ['T1']);
      const [b] = await enrolledTills(db, 'S2', ['T1']);
      const credit = await ledgerTillClient(hub, a!.token).storeCredit({
        customerId: 'cus-1',
        returnId: 'ret-1',
        amount: 1_999,
        currency: 'EUR',
      });
      expect(credit).toMatchObject({ status: 200, body: { kind: 'store_credit', amount: 1_999 } });
      const tillB = ledgerTillClient(hub, b!.token);
      expect((await tillB.lookup(credit.body.code as string)).body).toMatchObject({ kind: 'store_credit', available: 1_999 });
      const cardId = credit.body.cardId as string;
      await tillB.reserveCard({ code: credit.body.code, reservationId: 'sc-1', amount: 1_999, until: minutesFromNow(5) });
      expect((await tillB.spendCard(cardId, 'sc-1', { saleId: 'sale-x', tenderId: 't1' })).body).toMatchObject({ available: 0 });
      expect(await tillB.reload(cardId, { saleId: 'sale-y', amount: 100 })).toMatchObject({
        status: 404,
        body: { error: 'card_not_issued' },
      });
    });

    it('answers a code guessed wrong exactly as an unknown code, and refuses a typo by its check character', async () => {
      const { db, hub } = ctx();
      const [a] = await enrolledTills(db, 'S1', ['T1']);
      const till = ledgerTillClient(hub, a!.token);
      const sold = await till.sellGiftCard({ saleId: 's', lineId: 'l', amount: 100, currency: 'EUR' });
      const code = sold.body.code as string;
      const guessed = await till.lookup(newCardCode(randomBytes(CARD_CODE_RANDOM_BYTES)));
      const unknown = await till.lookup(newCardCode(randomBytes(CARD_CODE_RANDOM_BYTES)));
      expect(guessed.status).toBe(404);
      expect(guessed.body).toEqual(unknown.body);
      expect(guessed.body).toMatchObject({ error: 'card_not_issued' });
      const spend = await till.reserveCard({
        code: newCardCode(randomBytes(CARD_CODE_RANDOM_BYTES)),
        reservationId: 'g',
        amount: 1,
        until: minutesFromNow(5),
      });
      expect({ status: spend.status, body: spend.body }).toEqual({ status: guessed.status, body: guessed.body });
      const typo = code.slice(0, 5) + (code[5] === '2' ? '3' : '2') + code.slice(6);
      expect(await till.lookup(typo)).toMatchObject({ status: 422, body: { error: 'card_code_check' } });
      expect(await till.lookup('0000-0000-0000-0000-0000')).toMatchObject({ status: 422, body: { error: 'card_code_character' } });
    });
  });

  describe.skipIf(target.skip)(`the ledgers’ device routes rate-limited on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: { max: 5, timeWindowMs: 60_000 } });

    it('publishes the routes in the OpenAPI, device or admin security, amounts and ids bounded', async () => {
      type Schema = { properties: Record<string, Record<string, unknown>>; required: string[] };
      const doc = (await ctx().hub.app.inject('/openapi.json')).json<{
        paths: Record<string, Record<string, { security: unknown; requestBody?: { content: { 'application/json': { schema: Schema } } } }>>;
      }>();
      const reserve = doc.paths['/api/v1/till/loyalty/reservations']!.post!;
      expect(reserve.security).toEqual([{ deviceToken: [] }]);
      const schema = reserve.requestBody!.content['application/json'].schema;
      expect(schema.required.sort()).toEqual(['customerId', 'points', 'programId', 'reservationId', 'until']);
      expect(schema.properties.points).toMatchObject({ type: 'integer', minimum: 1, maximum: 100_000_000 });
      expect(schema.properties.reservationId).toMatchObject({ maxLength: 64, pattern: '^[A-Za-z0-9._-]{1,64}$' });
      expect(
        doc.paths['/api/v1/till/cards/reservations']!.post!.requestBody!.content['application/json'].schema.properties.amount,
      ).toMatchObject({ type: 'integer', minimum: 1 });
      expect(doc.paths['/api/v1/admin/loyalty/members/{customerId}/adjustments']!.post!.security).toEqual([{ adminToken: [] }]);
      expect(doc.paths['/api/v1/admin/cards/{cardId}']!.get).toBeDefined();
    });

    it('stops a till guessing card codes after the device limit', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const till = ledgerTillClient(ctx().hub, a!.token);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await till.lookup(newCardCode(randomBytes(CARD_CODE_RANDOM_BYTES)))).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    });
  });
}
