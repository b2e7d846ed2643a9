import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { describe, expect, it } from 'vitest';
import { auditLog, chainCustomers, loyaltyAccounts, loyaltyEntries, storedValueCards, storedValueEntries } from '../db/schema';
import type { Database } from '../db/database';
import { earnPoints } from '../ledgers/loyalty-credit';
import { loyaltyBalanceAtHub } from '../ledgers/loyalty-balance-read';
import { consumeReservation, reservePointsAtHub } from '../ledgers/loyalty-redeem';
import { reversePoints } from '../ledgers/loyalty-reverse';
import { earnOfSale } from '../test-support/loyalty-earn';
import { useTestDatabase } from '../test-support/test-database';
import { testTargets } from '../test-support/test-databases';
import { customerInput } from './customer-input';
import { mergeCustomer } from './customer-merge';
import { resolveCustomerId } from './customer-resolve';
import { putCustomer } from './customer-write';

const program = testLoyaltyProgram();
const T0 = '2026-04-02T10:00:00.000Z';
const minutes = (n: number) => new Date(Date.parse(T0) + n * 60_000).toISOString();

/** The earn entry a sale sealed for `customerId` carries: 100 points for 120 € with 20 € VAT. */
const earnOf = (customerId: string, saleId: string, total = 12_000) => earnOfSale(program, customerId, saleId, total, T0);

const balance = (db: Database, customerId: string, now = minutes(20)) =>
  loyaltyBalanceAtHub(db, { customerId, programId: program.id, now }).then((b) => ({ available: b.available, reserved: b.reserved }));

async function customers(db: Database, ...ids: string[]): Promise<void> {
  for (const id of ids) await putCustomer(db, id, customerInput({ lastName: `Nom ${id}`, phone: '06 12 34 56 78' }), { storeId: 'S1' });
}

async function card(db: Database, cardId: string, customerId: string): Promise<void> {
  await db.query(
    `INSERT INTO stored_value_cards (card_id, code_hash, kind, currency, customer_id, issue_request_id)
     VALUES ($1, $2, 'store_credit', 'EUR', $3, $4)`,
    [cardId, `hash-${cardId}`, customerId, `issue-${cardId}`],
  );
}

const TABLES = [chainCustomers, loyaltyEntries, loyaltyAccounts, storedValueEntries, storedValueCards, auditLog];

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a merge moves the merged customer's loyalty and cards on ${target.name}`, () => {
    const ctx = useTestDatabase(target, TABLES);

    it('moves B’s points, reservations and cards to A once, audited; a later sale with B’s id earns to A', async () => {
      const { db } = ctx();
      await customers(db, 'cus-a', 'cus-b');
      await earnPoints(db, earnOf('cus-a', 'sa1'), minutes(1));
      await earnPoints(db, earnOf('cus-b', 'sb1'), minutes(2));
      await earnPoints(db, earnOf('cus-b', 'sb2', 6_000), minutes(3));
      // B holds 30 of their points reserved at a till when head office merges.
      const member = { customerId: 'cus-b', programId: program.id };
      await reservePointsAtHub(db, { ...member, reservationId: 'res-b', points: 30, tillId: 'T01', until: minutes(40), now: minutes(4) });
      await card(db, 'card-b', 'cus-b');
      await card(db, 'card-other', 'cus-z');
      expect(await balance(db, 'cus-b')).toEqual({ available: 120, reserved: 30 });

      const merged = await mergeCustomer(db, 'cus-b', 'cus-a', { kind: 'token', tokenId: 'tok-1' });
      expect(merged.moved).toEqual({ loyaltyEntries: 3, renamedEntries: 0, cards: ['card-b'] });
      expect(await balance(db, 'cus-a')).toEqual({ available: 220, reserved: 30 });
      // B's id now reads A's ledger; B has no rows of their own left.
      expect(await balance(db, 'cus-b')).toEqual({ available: 220, reserved: 30 });
      expect(await db.query("SELECT entry_id FROM loyalty_entries WHERE customer_id = 'cus-b'")).toEqual([]);
      expect(await db.query("SELECT customer_id FROM stored_value_cards WHERE card_id = 'card-b'")).toEqual([{ customer_id: 'cus-a' }]);
      // One loyalty account per member and program (ODOO-145782): B's is folded into A's, not kept beside it.
      expect(await db.query('SELECT customer_id, program_id FROM loyalty_accounts ORDER BY customer_id')).toEqual([
        { customer_id: 'cus-a', program_id: program.id },
      ]);

      // Merged again (a double click, a retry): the same customers, nothing more moved, one audit row.
      const again = await mergeCustomer(db, 'cus-b', 'cus-a', { kind: 'token', tokenId: 'tok-1' });
      expect(again.moved).toEqual({ loyaltyEntries: 0, renamedEntries: 0, cards: [] });
      expect(again.kept.id).toBe('cus-a');
      const audit = await db.query<{ action: string; actor: string; after: Record<string, unknown> }>(
        "SELECT action, actor, after FROM audit_log WHERE action = 'customer.merge.ledgers'",
      );
      expect(audit).toEqual([
        {
          action: 'customer.merge.ledgers',
          actor: expect.stringContaining('tok-1'),
          after: { into: 'cus-a', loyaltyEntries: 3, renamedEntries: 0, cards: ['card-b'] },
        },
      ]);

      // A till that sealed sales for B before it heard of the merge: a retried earn is the first answer, a new one earns to A.
      expect(await earnPoints(db, earnOf('cus-b', 'sb1'), minutes(10))).toMatchObject({ entryId: 'earn:sb1', points: 100 });
      await earnPoints(db, earnOf('cus-b', 'sb3', 2_400), minutes(11));
      expect(await db.query("SELECT customer_id FROM loyalty_entries WHERE entry_id = 'earn:sb3'")).toEqual([{ customer_id: 'cus-a' }]);
      expect(await balance(db, 'cus-a')).toEqual({ available: 240, reserved: 30 });
      // The reservation made for B is spent by its till under B's id, from A's ledger.
      await consumeReservation(db, { ...member, reservationId: 'res-b', saleId: 'sb4', tillId: 'T01', now: minutes(12) });
      expect(await balance(db, 'cus-a')).toEqual({ available: 240, reserved: 0 });
      // A return of B's sale takes back its points once, from A.
      const back = { ...member, saleId: 'sb2', returnId: 'rb2', refunded: 6_000, now: minutes(13) };
      expect(await reversePoints(db, back)).toMatchObject({ points: 50 });
      expect(await reversePoints(db, { ...back, returnId: 'rb2-bis', now: minutes(14) })).toMatchObject({ points: 0 });
      expect(await balance(db, 'cus-a')).toEqual({ available: 190, reserved: 0 });
    });

    it('an entry id both customers used is moved under another id: counted once each, never lost', async () => {
      const { db } = ctx();
      await customers(db, 'cus-a', 'cus-b');
      // The same sale id at two tills of two stores is unlikely, not impossible.
      await earnPoints(db, earnOf('cus-a', 'same'), minutes(1));
      await earnPoints(db, earnOf('cus-b', 'same', 6_000), minutes(2));
      const merged = await mergeCustomer(db, 'cus-b', 'cus-a');
      expect(merged.moved).toMatchObject({ loyaltyEntries: 1, renamedEntries: 1 });
      expect(
        (await db.query<{ entry_id: string }>("SELECT entry_id FROM loyalty_entries WHERE customer_id = 'cus-a' ORDER BY entry_id")).map(
          (r) => r.entry_id,
        ),
      ).toEqual(['earn:same', 'merged:cus-b:earn:same']);
      expect(await balance(db, 'cus-a')).toEqual({ available: 100, reserved: 0 });
    });

    it('resolves an id to the customer kept: a tombstone’s, one merged twice, and one the hub does not hold', async () => {
      const { db } = ctx();
      await customers(db, 'c1', 'c2', 'c3');
      await mergeCustomer(db, 'c1', 'c2');
      await mergeCustomer(db, 'c2', 'c3');
      expect(await resolveCustomerId(db, 'c1')).toBe('c3');
      expect(await resolveCustomerId(db, 'c2')).toBe('c3');
      expect(await resolveCustomerId(db, 'c3')).toBe('c3');
      expect(await resolveCustomerId(db, 'made-offline')).toBe('made-offline');
    });

    it('an earn racing a merge of its customer lands on the customer kept, once', async () => {
      const { db } = ctx();
      await customers(db, 'cus-a', 'cus-b');
      await earnPoints(db, earnOf('cus-b', 'sb0'), minutes(1));
      const earns = Array.from({ length: 6 }, (_, i) => earnPoints(db, earnOf('cus-b', `race-${i}`, 1_200), minutes(2 + i)));
      await Promise.all([mergeCustomer(db, 'cus-b', 'cus-a'), ...earns]);
      // Whatever the order, every entry is A's: none was written to B after its ledgers moved.
      expect(await db.query("SELECT entry_id FROM loyalty_entries WHERE customer_id = 'cus-b'")).toEqual([]);
      expect(await balance(db, 'cus-a')).toEqual({ available: 160, reserved: 0 });
    });
  });
}
