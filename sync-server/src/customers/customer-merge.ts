import type { Database, Queryable } from '../db/database';
import type { StoredConsent, StoredConsents } from '../db/schema-customers';
import { recordAudit, type AuditActor } from '../office/audit';
import { customerMerged, customerNotFound, invalidCustomer } from './customer-errors';
import { moveCustomerLedgers, type LedgersMoved } from './customer-merge-ledgers';
import { CUSTOMER_COLUMNS, customerView, type CustomerRow, type CustomerView } from './customer-rows';

export type MergeResult = { readonly kept: CustomerView; readonly merged: CustomerView; readonly moved: LedgersMoved };

/** The later decision of each kind: the customer's most recent word stands. */
function mergedConsents(kept: StoredConsents, merged: StoredConsents): StoredConsents {
  const later = (a?: StoredConsent, b?: StoredConsent) => (!a ? b : !b ? a : Date.parse(b.at) > Date.parse(a.at) ? b : a);
  const email = later(kept.email, merged.email);
  const sms = later(kept.sms, merged.sms);
  return { ...(email ? { email } : {}), ...(sms ? { sms } : {}) };
}

async function lockBoth(tx: Queryable, id: string, into: string): Promise<{ source: CustomerRow; target: CustomerRow }> {
  // Both rows in one statement, in id order: two merges of the same pair never deadlock.
  const rows = await tx.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [
    [id, into],
  ]);
  const source = rows.find((r) => r.id === id);
  const target = rows.find((r) => r.id === into);
  if (!source) throw customerNotFound(id);
  if (!target) throw customerNotFound(into);
  return { source, target };
}

/**
 * Merges customer `id` into `into` (head office, after the duplicates list). The kept customer
 * takes what it lacks from the other (first name, e-mail, phone, postal code, card number) and the
 * later consent of each kind; the other becomes a tombstone pointing to it, its personal data
 * cleared (its card number stays when the kept customer has a card of their own, so the old card
 * still finds the kept customer). Earlier tombstones pointing to `id` now point to `into`.
 * Merging the same pair again answers the same; merging a merged customer, or into one, is refused.
 *
 * In the same transaction the merged customer's loyalty entries and cards move to the one kept
 * (customer-merge-ledgers.ts), once: what moved is in the answer and, when anything did, in the
 * audit log (`customer.merge.ledgers`, by `actor`). Given again, the merge moves what a writer
 * that did not resolve the merged id wrote since, if anything.
 */
export async function mergeCustomer(db: Database, id: string, into: string, actor: AuditActor = { kind: 'cli' }): Promise<MergeResult> {
  if (id === into) throw invalidCustomer(['merge_into_itself: a customer is merged into another one']);
  const { source, target, moved } = await db.transaction(async (tx) => {
    const rows = await lockBoth(tx, id, into);
    if (rows.source.mergedInto === into) return { ...rows, moved: await moveLedgers(tx, id, into, actor) };
    if (rows.source.mergedInto !== null) throw customerMerged(id, rows.source.mergedInto);
    if (rows.target.mergedInto !== null) throw customerMerged(into, rows.target.mergedInto);
    const { source: s, target: t } = rows;
    const moveCard = t.cardNumber === null && s.cardNumber !== null;
    const [merged] = await tx.query<CustomerRow>(
      `UPDATE chain_customers SET first_name = NULL, last_name = NULL, first_name_key = NULL, last_name_key = NULL,
         email = NULL, email_normalised = NULL, phone = NULL, phone_normalised = NULL, postal_code = NULL,
         card_number = CASE WHEN $3 THEN NULL ELSE card_number END, consents = '{}',
         merged_into = $2, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
      [id, into, moveCard],
    );
    const takeEmail = t.emailNormalised === null && s.emailNormalised !== null;
    const takePhone = t.phoneNormalised === null && s.phoneNormalised !== null;
    const takeFirst = t.firstName === null && s.firstName !== null;
    const [kept] = await tx.query<CustomerRow>(
      `UPDATE chain_customers SET first_name = $2, first_name_key = $3, email = $4, email_normalised = $5, phone = $6,
         phone_normalised = $7, postal_code = $8, card_number = $9, consents = $10, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
      [
        into,
        takeFirst ? s.firstName : t.firstName,
        takeFirst ? s.firstNameKey : t.firstNameKey,
        takeEmail ? s.email : t.email,
        takeEmail ? s.emailNormalised : t.emailNormalised,
        takePhone ? s.phone : t.phone,
        takePhone ? s.phoneNormalised : t.phoneNormalised,
        t.postalCode ?? s.postalCode,
        moveCard ? s.cardNumber : t.cardNumber,
        JSON.stringify(mergedConsents(t.consents, s.consents)),
      ],
    );
    await tx.query('UPDATE chain_customers SET merged_into = $2 WHERE merged_into = $1', [id, into]);
    return { source: merged!, target: kept!, moved: await moveLedgers(tx, id, into, actor) };
  });
  return { kept: customerView(target), merged: customerView(source), moved };
}

async function moveLedgers(tx: Queryable, id: string, into: string, actor: AuditActor): Promise<LedgersMoved> {
  const moved = await moveCustomerLedgers(tx, id, into);
  if (moved.loyaltyEntries > 0 || moved.cards.length > 0)
    await recordAudit(tx, actor, {
      action: 'customer.merge.ledgers',
      target: `customers/${id}`,
      before: { customerId: id },
      after: { into, ...moved },
    });
  return moved;
}
