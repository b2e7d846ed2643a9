import { addDaysToInstant } from '../ledger/add-months';
import { replayLedger, type LedgerOp } from '../ledger/lot-ledger';
import { uniqueEntries } from '../ledger/unique-entries';
import type { LoyaltyEntry } from './loyalty-entries';
import type { LoyaltyProgram, LoyaltyTier } from './loyalty-program';
import { qualifyingPoints, tierFor } from './loyalty-tier';

export type LoyaltyBalance = {
  /** Points the member may spend now. */
  readonly available: number;
  /** Points set aside by open reservations. */
  readonly reserved: number;
  /** Points taken beyond the balance (a return of spent points, an offline overdraft), repaid by the next earns. */
  readonly debt: number;
  readonly earned: number;
  readonly redeemed: number;
  readonly reversed: number;
  /** Adjustments, summed with their signs. */
  readonly adjusted: number;
  readonly expired: number;
  /** Points expiring within the window (30 days unless told). */
  readonly pendingExpiry: number;
  /** Every coming expiry of available points, soonest first. */
  readonly expiring: readonly { readonly expiresAt: string; readonly points: number }[];
  readonly reservations: readonly { readonly id: string; readonly points: number; readonly until?: string }[];
  /** Each entry that took more than there was, with the points it could not take. */
  readonly debts: readonly { readonly entryId: string; readonly kind: LoyaltyEntry['kind']; readonly points: number }[];
  readonly qualifyingPoints: number;
  readonly tier?: LoyaltyTier;
  /** Entry ids seen with two different contents (one is counted; the hub reports them). */
  readonly conflicts: readonly string[];
};

function opOf(e: LoyaltyEntry): LedgerOp {
  switch (e.kind) {
    case 'earn':
      return { op: 'credit', id: e.id, at: e.at, amount: e.points, ...(e.expiresAt ? { expiresAt: e.expiresAt } : {}) };
    case 'adjust':
      return e.points > 0
        ? { op: 'credit', id: e.id, at: e.at, amount: e.points, ...(e.expiresAt ? { expiresAt: e.expiresAt } : {}) }
        : { op: 'debit', id: e.id, at: e.at, amount: -e.points };
    case 'redeem':
      return { op: 'debit', id: e.id, at: e.at, amount: e.points, ...(e.reservationId ? { holdId: e.reservationId } : {}) };
    case 'reverse':
      return { op: 'debit', id: e.id, at: e.at, amount: e.points };
    case 'reserve':
      return { op: 'hold', id: e.id, at: e.at, amount: e.points, until: e.until };
    case 'release':
      return { op: 'unhold', id: e.id, at: e.at, holdId: e.reservationId };
    case 'expire':
      return { op: 'expire', id: e.id, at: e.at, lotId: e.lotId };
  }
}

const sumOf = (entries: readonly LoyaltyEntry[], kind: LoyaltyEntry['kind']): number =>
  entries.reduce((acc, e) => acc + (e.kind === kind && 'points' in e ? e.points : 0), 0);

/**
 * A member's balance at `now` from their ledger entries (of one program), in any order and with
 * any repeats: each id counts once and the entries replay in time order, so the result is the same
 * whatever order they came in. Points expire lot by lot (each earn is a lot), the oldest spent
 * first; a spend beyond the balance is recorded as debt, never as a negative balance. The tier needs
 * the program's tiers and basis. Entries after `now` are not counted yet.
 */
export function loyaltyBalance(
  entries: readonly LoyaltyEntry[],
  now: string,
  program?: Pick<LoyaltyProgram, 'tiers' | 'tierBasis'>,
  expiryWindowDays = 30,
): LoyaltyBalance {
  const unique = uniqueEntries(entries);
  const past = unique.entries.filter((e) => e.at <= now);
  const state = replayLedger(past.map(opOf), now);
  const kinds = new Map(past.map((e) => [e.id, e.kind]));
  const soon = addDaysToInstant(now, expiryWindowDays);
  const qualifying = program ? qualifyingPoints(past, now, program.tierBasis) : 0;
  const tier = program ? tierFor(program.tiers, qualifying) : undefined;
  return {
    available: state.available,
    reserved: state.held,
    debt: state.debt,
    earned: sumOf(past, 'earn'),
    redeemed: sumOf(past, 'redeem'),
    reversed: sumOf(past, 'reverse'),
    adjusted: sumOf(past, 'adjust'),
    expired: state.expired,
    pendingExpiry: state.expiring.reduce((acc, e) => acc + (e.expiresAt <= soon ? e.amount : 0), 0),
    expiring: state.expiring.map((e) => ({ expiresAt: e.expiresAt, points: e.amount })),
    reservations: state.holds.map((h) => ({ id: h.id, points: h.amount, ...(h.until ? { until: h.until } : {}) })),
    debts: state.debts.map((d) => ({ entryId: d.entryId, kind: kinds.get(d.entryId) ?? 'redeem', points: d.amount })),
    qualifyingPoints: qualifying,
    ...(tier ? { tier } : {}),
    conflicts: unique.conflicts,
  };
}
