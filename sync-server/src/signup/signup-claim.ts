import { randomInt, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { customerInput } from '../customers/customer-input';
import { writeCustomer } from '../customers/customer-write';
import { isProofOf, isVerified, storedSale, type ClaimableSale } from './claimed-sale';
import { earnClaimedSale } from './member-earn';
import { joinLinkInvalid, saleAlreadyClaimed } from './signup-errors';

/** The channel a sign-up's consents are recorded with. */
export const SIGNUP_CHANNEL = 'receipt-qr';
/** Different proofs that may wait for one sale: the receipt's holder mistyping nothing, a stranger guessing. */
export const MAX_PENDING_PROOFS = 3;

/** What the form sends, as typed (the route's schema bounded each field). */
export type SignupForm = {
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly consentEmail: boolean;
  readonly consentSms: boolean;
};

export type SignupClaim = { readonly storeId: string; readonly saleId: string; readonly proof: string };

export type SignupResult = {
  /** `claimed`: the proof is the sale's; `pending`: the sale has not reached the hub yet, checked when it does. */
  readonly status: 'claimed' | 'pending';
  readonly customerId: string;
  readonly cardNumber: string;
  readonly firstName: string;
};

/** A card number a person can read aloud and the till's scanner reads from the wallet pass: `M` and 12 digits in threes. */
function newCardNumber(): string {
  const digits = Array.from({ length: 12 }, () => randomInt(10)).join('');
  return `M${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)}-${digits.slice(9)}`;
}

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** Two claims accepted at once for one sale: the partial unique index keeps one. */
function isClaimTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  return e.code === '23505' && String(e.constraint ?? e.message).includes('signup_claims');
}

async function refuseTakenSale(tx: Queryable, claim: SignupClaim): Promise<void> {
  const rows = await tx.query<{ proof: string; status: string }>(
    `SELECT proof, status FROM signup_claims WHERE store_id = $1 AND sale_id = $2 AND status <> 'refused' FOR UPDATE`,
    [claim.storeId, claim.saleId],
  );
  if (rows.some((r) => r.status === 'claimed' || r.proof === claim.proof)) throw saleAlreadyClaimed();
  if (rows.length >= MAX_PENDING_PROOFS) throw new HubError(429, 'too_many_claims', 'Too many sign-ups wait for this purchase');
}

/**
 * A sign-up from a receipt's QR code: makes a new chain customer (never finds one by e-mail or
 * phone: an unauthenticated form must neither change nor reveal an existing member; the back
 * office's duplicates list offers the merge) with the consents dated now on the channel
 * `receipt-qr`, and records the claim in the same transaction. When the hub holds the sale, the
 * proof is checked at once (join_link_invalid, sale_already_claimed); otherwise the claim waits
 * (`pending`) and the sign-up projector decides when the sale arrives. A sale verified already
 * earns its points now.
 */
export async function submitSignup(db: Database, claim: SignupClaim, form: SignupForm, now: Date = new Date()): Promise<SignupResult> {
  if (blank(form.email) && blank(form.phone)) {
    throw new HubError(400, 'contact_required', 'An e-mail or a phone is needed to find the member again');
  }
  const at = now.toISOString();
  const input = customerInput({
    firstName: form.firstName,
    lastName: form.lastName,
    email: blank(form.email) ? null : form.email!,
    phone: blank(form.phone) ? null : form.phone!,
    cardNumber: newCardNumber(),
    consents: {
      email: { given: form.consentEmail, at, channel: SIGNUP_CHANNEL },
      sms: { given: form.consentSms, at, channel: SIGNUP_CHANNEL },
    },
  });
  const customerId = `c-${randomUUID()}`;
  const accepted = await db
    .transaction(async (tx) => {
      const sale = await storedSale(tx, claim.storeId, claim.saleId);
      if (sale && !isProofOf(sale, claim.proof)) throw joinLinkInvalid();
      if (sale && !sale.claimable) throw saleAlreadyClaimed();
      await refuseTakenSale(tx, claim);
      const { row } = await writeCustomer(tx, customerId, input, { storeId: null });
      const status = sale ? 'claimed' : 'pending';
      await tx.query(
        `INSERT INTO signup_claims (store_id, sale_id, proof, customer_id, status, decided_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [claim.storeId, claim.saleId, claim.proof, customerId, status, status === 'claimed' ? now : null],
      );
      return { status, sale, cardNumber: row.cardNumber ?? '', firstName: row.firstName ?? form.firstName } as const;
    })
    .catch((error: unknown) => {
      if (isClaimTaken(error)) throw saleAlreadyClaimed();
      throw error;
    });
  // The sale may have been verified while the claim was written, past the projector's look: decide now.
  await settleSale(db, claim.storeId, claim.saleId, accepted.sale);
  return { status: accepted.status, customerId, cardNumber: accepted.cardNumber, firstName: accepted.firstName };
}

/**
 * Whether this very link (its proof) already made a member of its sale: its holder is told at once,
 * before typing anything. Someone without the proof learns nothing (another proof's claim is not looked at).
 */
export async function claimedWith(db: Queryable, claim: SignupClaim): Promise<boolean> {
  const [row] = await db.query<{ status: string }>(
    `SELECT status FROM signup_claims WHERE store_id = $1 AND sale_id = $2 AND proof = $3 AND status = 'claimed'`,
    [claim.storeId, claim.saleId, claim.proof],
  );
  return row !== undefined;
}

/**
 * Decides the claims of one verified sale (the sign-up projector per verified sale, and a sign-up
 * just written): pending claims whose proof is the sale's are accepted (the oldest one, unless one
 * was claimed already), the others refused; the claimed member earns the sale's points.
 */
export async function decideClaims(tx: Queryable, storeId: string, sale: ClaimableSale): Promise<void> {
  const claims = await tx.query<{ proof: string; status: string; customer_id: string }>(
    `SELECT proof, status, customer_id FROM signup_claims
      WHERE store_id = $1 AND sale_id = $2 AND status <> 'refused' ORDER BY created_at, proof FOR UPDATE`,
    [storeId, sale.record.id],
  );
  let winner = claims.find((c) => c.status === 'claimed');
  for (const c of claims) {
    if (c.status !== 'pending') continue;
    const accept = winner === undefined && sale.claimable && isProofOf(sale, c.proof);
    await tx.query(`UPDATE signup_claims SET status = $4, decided_at = now() WHERE store_id = $1 AND sale_id = $2 AND proof = $3`, [
      storeId,
      sale.record.id,
      c.proof,
      accept ? 'claimed' : 'refused',
    ]);
    if (accept) winner = c;
  }
  if (winner) await earnClaimedSale(tx, sale.record, winner.customer_id);
}

async function settleSale(db: Database, storeId: string, saleId: string, seen: ClaimableSale | null): Promise<void> {
  const sale = seen ?? (await storedSale(db, storeId, saleId));
  if (!sale || !(await isVerified(db, sale))) return;
  await db.transaction((tx) => decideClaims(tx, storeId, sale));
}
