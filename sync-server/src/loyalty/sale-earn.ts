import {
  earnInputOfSale,
  isSaleV1,
  loyaltyEarn,
  saleLoyaltyEarnProblems,
  saleLoyaltyProblems,
  type LoyaltyEarnEntry,
  type LoyaltyProgram,
  type SalePayload,
  type SalePayloadV1,
  type SaleProblem,
} from '@pos/core';
import type { Database, Queryable } from '../db/database';
import { earnPointsIn, type LoyaltyEarnAnswer } from '../ledgers/loyalty-credit';
import { LOYALTY_PROGRAMS, loyaltyProgramVersion } from './loyalty-program-writes';

/** What became of a sale's points. */
export type SaleEarnOutcome =
  | { readonly kind: 'earned'; readonly answer: LoyaltyEarnAnswer }
  /** The sale earned already, for this member or another (`customerId`): a sale earns once. */
  | { readonly kind: 'already'; readonly customerId: string; readonly programId: string }
  /** Nothing to earn: no live program, a return, a training sale, another currency, below the minimum. */
  | { readonly kind: 'nothing' }
  /** The sealed earn is not what the program version it names gives (or that version is unknown): reported, nothing earned. */
  | { readonly kind: 'refused'; readonly problems: readonly SaleProblem[] };

/**
 * Writes an earn once per sale: the sale is claimed for its member in loyalty_sale_earns, then the
 * entry goes into the member's ledger (idempotent by `earn:<saleId>`). A step done again finds its
 * own claim and gets the ledger's first answer; a claim for another member is left as it is.
 */
async function writeEarn(tx: Queryable, storeId: string | null, earn: LoyaltyEarnEntry): Promise<SaleEarnOutcome> {
  await tx.query(
    `INSERT INTO loyalty_sale_earns (sale_id, customer_id, program_id, store_id) VALUES ($1, $2, $3, $4) ON CONFLICT (sale_id) DO NOTHING`,
    [earn.saleId, earn.customerId, earn.programId, storeId],
  );
  const [claim] = await tx.query<{ customer_id: string; program_id: string }>(
    'SELECT customer_id, program_id FROM loyalty_sale_earns WHERE sale_id = $1',
    [earn.saleId],
  );
  if (claim && (claim.customer_id !== earn.customerId || claim.program_id !== earn.programId)) {
    return { kind: 'already', customerId: claim.customer_id, programId: claim.program_id };
  }
  return { kind: 'earned', answer: await earnPointsIn(tx, earn) };
}

/**
 * The loyalty projector's part for a verified sale carrying an earn: checked to be this sale's and
 * exactly what the program version it names gives (from the hub's version history, so a version
 * since replaced still checks), then written once. Anything else is `refused` with the problems.
 */
export async function applySealedEarn(tx: Queryable, storeId: string, sale: SalePayloadV1): Promise<SaleEarnOutcome> {
  const earn = sale.loyalty?.earn;
  if (!earn) return { kind: 'nothing' };
  let problems = saleLoyaltyProblems(sale);
  if (problems.length === 0) {
    problems = saleLoyaltyEarnProblems(sale, await loyaltyProgramVersion(tx, earn.programId, earn.programVersion));
  }
  if (problems.length > 0) return { kind: 'refused', problems };
  return writeEarn(tx, storeId, earn);
}

/** The live program in its latest version, or null. */
async function liveProgram(tx: Queryable): Promise<LoyaltyProgram | null> {
  const [row] = await tx.query<{ id: string; doc: Omit<LoyaltyProgram, 'id'> }>(
    'SELECT id, doc FROM catalog_docs WHERE collection = $1 AND NOT deleted ORDER BY id LIMIT 1',
    [LOYALTY_PROGRAMS.name],
  );
  return row ? ({ ...row.doc, id: row.id } as LoyaltyProgram) : null;
}

/**
 * A member attached to a sale after it was sealed (the receipt's sign-up) earns for it, with the
 * same entry id `earn:<saleId>` a sealed earn would have, once: a sale that carried its own earn,
 * or that earned for anyone already, earns nothing more (`already`). Computed by core's
 * loyaltyEarn from the sale's figures with the live program as it is now. Pass a VERIFIED sale
 * only. In the caller's transaction (a projector's step); earnForAttachedMember opens its own.
 */
export async function earnForAttachedMemberIn(tx: Queryable, sale: SalePayload, customerId: string): Promise<SaleEarnOutcome> {
  if (!isSaleV1(sale) || sale.kind !== 'sale' || sale.training) return { kind: 'nothing' };
  if (sale.loyalty) return { kind: 'already', customerId: sale.loyalty.earn.customerId, programId: sale.loyalty.earn.programId };
  const program = await liveProgram(tx);
  const earn = program ? loyaltyEarn(program, { ...earnInputOfSale(sale), customerId }) : undefined;
  if (!earn) return { kind: 'nothing' };
  return writeEarn(tx, sale.storeId, earn);
}

/** earnForAttachedMember in a transaction of its own. */
export function earnForAttachedMember(db: Database, sale: SalePayload, customerId: string): Promise<SaleEarnOutcome> {
  return db.transaction((tx) => earnForAttachedMemberIn(tx, sale, customerId));
}
