import { createHash, randomBytes } from 'node:crypto';
import { newCardCode, parseCardCode } from '@pos/core';
import { describe, expect, it } from 'vitest';
import type { HubError } from '../errors/hub-error';
import { loyaltyAccounts, loyaltyEntries, storedValueCards, storedValueEntries } from '../db/schema';
import { refusal } from '../test-support/refusal';
import { useTestDatabase } from '../test-support/test-database';
import { testTargets } from '../test-support/test-databases';
import { cancelCardAtHub } from './stored-value-cancel';
import { refundToCardAtHub, reloadGiftCard } from './stored-value-credit';
import { issueGiftCard, issueStoreCredit } from './stored-value-issue';
import { balanceByCode } from './stored-value-lookup';
import { redeemCard, releaseCard, reserveCard } from './stored-value-spend';

const T0 = '2026-04-02T10:00:00.000Z';
const minutes = (n: number) => new Date(Date.parse(T0) + n * 60_000).toISOString();
const sold = { saleId: 's1', lineId: 'l1', amount: 5_000, currency: 'EUR', tillId: 'T01', now: minutes(0) };

/** Changes one character of a code (keeping the alphabet): its check must catch it. */
function typo(code: string): string {
  const i = 6;
  return code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
}

const LEDGER_TABLES = [loyaltyEntries, loyaltyAccounts, storedValueEntries, storedValueCards];

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`stored-value ledger at the hub on ${target.name}`, () => {
    const ctx = useTestDatabase(target, LEDGER_TABLES);

    it('sells a gift card: the code once, only its hash kept; a retry gets the same card without the code', async () => {
      const { db } = ctx();
      const card = await issueGiftCard(db, sold);
      expect(parseCardCode(card.code!)).toEqual({ ok: true, code: card.code });
      expect(card).toMatchObject({ kind: 'gift_card', currency: 'EUR', amount: 5_000, available: 5_000 });
      expect(card.maskedCode).toBe(`••••-••••-••••-••••-${card.code!.slice(-4)}`);
      const { code, ...answer } = card;
      expect(await issueGiftCard(db, { ...sold, now: minutes(5) })).toEqual(answer);
      const [row] = await db.query<{ code_hash: string; n: number }>(
        'SELECT code_hash, count(*) OVER ()::int AS n FROM stored_value_cards',
      );
      expect(row).toEqual({ code_hash: createHash('sha256').update(code!).digest('hex'), n: 1 });
      // Nowhere in clear, grouped or not.
      const plain = code!.replace(/-/g, '');
      for (const table of ['stored_value_cards', 'stored_value_entries']) {
        const [dump] = await db.query<{ text: string }>(`SELECT string_agg(t::text, ' ') AS text FROM ${table} t`);
        expect(dump!.text).not.toContain(code);
        expect(dump!.text).not.toContain(plain);
      }
      expect((await refusal(issueGiftCard(db, { ...sold, amount: 6_000 }))).code).toBe('ledger_entry_conflict');
      // The same sale line twice at once: one card, the code in one answer only.
      const twice = await Promise.all([issueGiftCard(db, { ...sold, lineId: 'l3' }), issueGiftCard(db, { ...sold, lineId: 'l3' })]);
      expect(twice[0].cardId).toBe(twice[1].cardId);
      expect(twice.filter((c) => c.code !== undefined)).toHaveLength(1);
      expect((await refusal(issueGiftCard(db, { ...sold, lineId: 'l2', amount: 0 }))).code).toBe('invalid_amount');
      expect((await refusal(issueGiftCard(db, { ...sold, lineId: 'l2', currency: 'eur' }))).code).toBe('invalid_ledger_request');
    });

    it('gives the balance by code; a typo is refused by the check, an unknown code is not issued', async () => {
      const { db } = ctx();
      const { code, cardId } = await issueGiftCard(db, sold);
      const lookup = await balanceByCode(db, code!.toLowerCase().replace(/-/g, ' '), minutes(1));
      expect(lookup).toMatchObject({ cardId, kind: 'gift_card', currency: 'EUR', balance: { status: 'active', available: 5_000 } });
      expect((await refusal(balanceByCode(db, typo(code!)))).code).toBe('card_code_check');
      expect((await refusal(balanceByCode(db, 'ABC'))).code).toBe('card_code_length');
      expect(await refusal(balanceByCode(db, newCardCode(randomBytes(12))))).toMatchObject({ statusCode: 404, code: 'card_not_issued' });
    });

    it('reserves by code, redeems part of it, releases; each request again gets its first answer', async () => {
      const { db } = ctx();
      const { code, cardId } = await issueGiftCard(db, sold);
      const hold = { code: code!, reservationId: 'res-1', amount: 3_000, tillId: 'T02', until: minutes(30), now: minutes(1) };
      const reserved = await reserveCard(db, hold);
      expect(reserved).toMatchObject({ cardId, reservationId: 'res-1', amount: 3_000, available: 2_000 });
      expect(await reserveCard(db, { ...hold, now: minutes(2) })).toEqual(reserved);
      expect((await refusal(reserveCard(db, { ...hold, amount: 10 }))).code).toBe('ledger_entry_conflict');
      expect(await refusal(reserveCard(db, { ...hold, reservationId: 'res-2', amount: 2_001 }))).toMatchObject({
        code: 'insufficient_balance',
        details: { values: { available: 2_000 } },
      });
      const tender = { cardId, reservationId: 'res-1', saleId: 's9', tenderId: 't1', amount: 2_500, now: minutes(3) };
      const redeemed = await redeemCard(db, tender);
      expect(redeemed).toEqual({ cardId, entryId: 'redeem:s9:t1', amount: 2_500, available: 2_500 });
      expect(await redeemCard(db, { ...tender, now: minutes(4) })).toEqual(redeemed);
      expect((await refusal(redeemCard(db, { ...tender, saleId: 's10' }))).code).toBe('reservation_not_open');

      await reserveCard(db, { ...hold, reservationId: 'res-3', amount: 1_000, now: minutes(5) });
      const released = await releaseCard(db, { cardId, reservationId: 'res-3', now: minutes(6) });
      expect(released).toEqual({ cardId, reservationId: 'res-3', released: true, available: 2_500 });
      expect(await releaseCard(db, { cardId, reservationId: 'res-3', now: minutes(7) })).toEqual(released);
      expect((await balanceByCode(db, code!, minutes(8))).balance).toMatchObject({ available: 2_500, redeemed: 2_500, reserved: 0 });
      expect((await refusal(redeemCard(db, { ...tender, cardId: 'card_unknown' }))).code).toBe('card_not_issued');
    });

    it('releases a reservation past its end lazily', async () => {
      const { db } = ctx();
      const { code, cardId } = await issueGiftCard(db, sold);
      await reserveCard(db, { code: code!, reservationId: 'res-1', amount: 5_000, tillId: 'T02', until: minutes(10), now: minutes(1) });
      expect((await balanceByCode(db, code!, minutes(9))).balance).toMatchObject({ available: 0, reserved: 5_000 });
      expect((await balanceByCode(db, code!, minutes(11))).balance).toMatchObject({ available: 5_000, reserved: 0 });
      const late = { cardId, reservationId: 'res-1', saleId: 's9', tenderId: 't1', now: minutes(11) };
      expect((await refusal(redeemCard(db, late))).code).toBe('reservation_not_open');
    });

    it('reloads a gift card and refunds a return onto it, never more than the sale took from it', async () => {
      const { db } = ctx();
      const { code, cardId } = await issueGiftCard(db, sold);
      const reload = { cardId, saleId: 's2', amount: 1_000, tillId: 'T01', now: minutes(1) };
      const reloaded = await reloadGiftCard(db, reload);
      expect(reloaded).toEqual({ cardId, entryId: `reload:s2:${cardId}`, amount: 1_000, available: 6_000 });
      expect(await reloadGiftCard(db, { ...reload, now: minutes(2) })).toEqual(reloaded);

      await reserveCard(db, { code: code!, reservationId: 'res-1', amount: 4_000, tillId: 'T01', until: minutes(30), now: minutes(3) });
      await redeemCard(db, { cardId, reservationId: 'res-1', saleId: 's3', tenderId: 't1', now: minutes(4) });
      const back = { cardId, saleId: 's3', returnId: 'ret-1', amount: 3_000, tillId: 'T01', now: minutes(5) };
      expect(await refundToCardAtHub(db, back)).toMatchObject({ amount: 3_000, available: 5_000 });
      expect(await refusal(refundToCardAtHub(db, { ...back, returnId: 'ret-2', amount: 1_001 }))).toMatchObject({
        code: 'invalid_amount',
        details: { values: { left: 1_000 } },
      });
      // A sale that never spent the card puts nothing on it (OMNICHANNEL B.3: the zero-balance refund).
      expect((await refusal(refundToCardAtHub(db, { ...back, saleId: 's-other', returnId: 'ret-3', amount: 1 }))).code).toBe(
        'invalid_amount',
      );
    });

    it('gives store credit to a member on a return: a card of its own, once per return; it cannot be reloaded as a gift card', async () => {
      const { db } = ctx();
      const credit = { customerId: 'cus-1', returnId: 'ret-1', amount: 1_500, currency: 'EUR', tillId: 'T01', now: minutes(0) };
      const card = await issueStoreCredit(db, credit);
      expect(card).toMatchObject({ kind: 'store_credit', amount: 1_500, available: 1_500 });
      const { code, ...answer } = card;
      expect(await issueStoreCredit(db, { ...credit, now: minutes(1) })).toEqual(answer);
      expect((await balanceByCode(db, code!, minutes(2))).kind).toBe('store_credit');
      const [row] = await db.query<{ customer_id: string }>('SELECT customer_id FROM stored_value_cards');
      expect(row!.customer_id).toBe('cus-1');
      expect((await refusal(reloadGiftCard(db, { cardId: card.cardId, saleId: 's2', amount: 100, tillId: 'T01' }))).code).toBe(
        'card_not_issued',
      );
    });

    it('cancels a card: what it holds is void, nothing more is reserved or loaded', async () => {
      const { db } = ctx();
      const { code, cardId } = await issueGiftCard(db, sold);
      const cancel = { cardId, reason: 'Reported stolen', staffId: 'ana', now: minutes(1) };
      expect((await refusal(cancelCardAtHub(db, { ...cancel, reason: '' }))).code).toBe('invalid_ledger_request');
      const cancelled = await cancelCardAtHub(db, cancel);
      expect(cancelled).toEqual({ cardId, entryId: `cancel:${cardId}`, voided: 5_000 });
      expect(await cancelCardAtHub(db, { ...cancel, now: minutes(2) })).toEqual(cancelled);
      expect((await balanceByCode(db, code!, minutes(3))).balance).toMatchObject({ status: 'cancelled', available: 0 });
      const hold = { code: code!, reservationId: 'res-1', amount: 1, tillId: 'T01', until: minutes(30), now: minutes(4) };
      expect((await refusal(reserveCard(db, hold))).code).toBe('card_cancelled');
      expect((await refusal(reloadGiftCard(db, { cardId, saleId: 's2', amount: 100, tillId: 'T01', now: minutes(5) }))).code).toBe(
        'card_cancelled',
      );
      const [row] = await db.query<{ status: string }>('SELECT status FROM stored_value_cards');
      expect(row!.status).toBe('cancelled');
    });

    it('a gift card spent at several tills at once never goes below zero', async () => {
      const { db, url } = ctx();
      const { code, cardId } = await issueGiftCard(db, sold);
      const other = url ? await ctx().openAnother() : db;
      // Twelve tills each reserve then spend 1,000 of the 5,000 on the card, at the same moment.
      const spend = async (i: number) => {
        const hub = i % 2 === 0 ? db : other;
        const reservationId = `res-${i}`;
        await reserveCard(hub, { code: code!, reservationId, amount: 1_000, tillId: `T${i}`, until: minutes(30), now: minutes(1) });
        return redeemCard(hub, { cardId, reservationId, saleId: `s-${i}`, tenderId: 't1', now: minutes(2) });
      };
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => spend(i)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as HubError).code).toBe('insufficient_balance');
      expect((await balanceByCode(db, code!, minutes(3))).balance).toMatchObject({ available: 0, redeemed: 5_000, overdraft: 0 });
    });
  });
}
