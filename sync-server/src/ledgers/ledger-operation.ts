import type { Database, Queryable } from '../db/database';
import { ledgerInstant } from './ledger-clock';
import { answeringRefusals, entryConflict } from './ledger-errors';

/** A row of a ledger as the operation writes it. */
export type LedgerRow<E> = {
  readonly entryId: string;
  readonly kind: string;
  readonly at: string;
  /** null: recorded for what it answered, never replayed (a return that took no points back). */
  readonly entry: E | null;
  readonly saleId?: string;
  readonly tillId?: string;
  readonly answer: unknown;
};

/** How an operation reaches one account's rows (a member in a program, or a card). */
export type LedgerAccount<E> = {
  /** Creates the account row if it may be created, locks it FOR UPDATE, gives its last_entry_at. */
  lock(tx: Queryable): Promise<{ readonly lastEntryAt: string | null }>;
  find(tx: Queryable, entryId: string): Promise<{ readonly requestHash: string; readonly answer: unknown } | undefined>;
  entries(tx: Queryable): Promise<E[]>;
  insert(tx: Queryable, row: LedgerRow<E>, requestHash: string): Promise<void>;
  /** Moves last_entry_at to `at` (an instant the hub chose). */
  touch(tx: Queryable, at: string): Promise<void>;
};

export type LedgerDecision<E, A> = LedgerRow<E> & { readonly answer: A };

/**
 * One ledger operation, in one transaction: lock the account's row (two tills at once serialise
 * here), give a retry the first answer (the same entry id and request; another request under the
 * id is refused), else read the entries, let `decide` check them with core's rules at the hub's
 * instant and write the entry it returns. core's refusals become coded HubErrors.
 */
export function ledgerOperation<E, A>(
  db: Database,
  account: LedgerAccount<E>,
  request: { readonly entryId: string; readonly hash: string; readonly now: string },
  decide: (ledger: { readonly entries: readonly E[]; readonly at: string; readonly tx: Queryable }) => Promise<LedgerDecision<E, A>>,
): Promise<A> {
  return answeringRefusals(() => db.transaction((tx) => ledgerOperationIn(tx, account, request, decide)));
}

/**
 * The same operation inside a transaction the caller holds (the loyalty projector's step, whose
 * checkpoint commits with what it wrote). core's refusals are thrown as they are: wrap the call in
 * answeringRefusals to get the hub's coded errors.
 */
export async function ledgerOperationIn<E, A>(
  tx: Queryable,
  account: LedgerAccount<E>,
  request: { readonly entryId: string; readonly hash: string; readonly now: string },
  decide: (ledger: { readonly entries: readonly E[]; readonly at: string; readonly tx: Queryable }) => Promise<LedgerDecision<E, A>>,
): Promise<A> {
  const { lastEntryAt } = await account.lock(tx);
  const before = await account.find(tx, request.entryId);
  if (before) {
    if (before.requestHash !== request.hash) throw entryConflict(request.entryId);
    return before.answer as A;
  }
  const at = ledgerInstant(request.now, lastEntryAt);
  const decision = await decide({ entries: await account.entries(tx), at, tx });
  await account.insert(tx, decision, request.hash);
  if (decision.at === at) await account.touch(tx, at);
  return decision.answer;
}
