import { replayLedger, type LedgerOp } from '../ledger/lot-ledger';
import { uniqueEntries } from '../ledger/unique-entries';
import type { StoredValueEntry, StoredValueKind } from './stored-value-entries';

export type StoredValueBalance = {
  readonly cardId?: string;
  readonly cardKind?: StoredValueKind;
  readonly currency?: string;
  /** not_issued: no issue entry yet; cancelled: nothing more can be loaded or spent. */
  readonly status: 'not_issued' | 'active' | 'cancelled';
  /** What may be spent now (minor units). */
  readonly available: number;
  /** Set aside by open reservations. */
  readonly reserved: number;
  /** Spent beyond the balance (an offline spend the card could not cover): owed, never a negative balance. */
  readonly overdraft: number;
  /** Issued and reloaded. */
  readonly loaded: number;
  readonly redeemed: number;
  readonly refunded: number;
  readonly expired: number;
  /** Voided by cancelling the card. */
  readonly voided: number;
  /** Every coming expiry of what is available, soonest first. */
  readonly expiring: readonly { readonly expiresAt: string; readonly amount: number }[];
  readonly reservations: readonly { readonly id: string; readonly amount: number; readonly until?: string }[];
  /** Each spend that took more than there was, with what it could not take. */
  readonly overdrafts: readonly { readonly entryId: string; readonly amount: number }[];
  readonly conflicts: readonly string[];
};

function opOf(e: StoredValueEntry): LedgerOp {
  switch (e.kind) {
    case 'issue':
    case 'reload':
    case 'refund':
      return { op: 'credit', id: e.id, at: e.at, amount: e.amount, ...(e.expiresAt ? { expiresAt: e.expiresAt } : {}) };
    case 'redeem':
      return { op: 'debit', id: e.id, at: e.at, amount: e.amount, ...(e.reservationId ? { holdId: e.reservationId } : {}) };
    case 'reserve':
      return { op: 'hold', id: e.id, at: e.at, amount: e.amount, until: e.until };
    case 'release':
      return { op: 'unhold', id: e.id, at: e.at, holdId: e.reservationId };
    case 'expire':
      return { op: 'expire', id: e.id, at: e.at, ...(e.lotId ? { lotId: e.lotId } : {}) };
    case 'cancel':
      return { op: 'close', id: e.id, at: e.at };
  }
}

const sumOf = (entries: readonly StoredValueEntry[], kinds: readonly StoredValueEntry['kind'][]): number =>
  entries.reduce((acc, e) => acc + (kinds.includes(e.kind) && 'amount' in e ? e.amount : 0), 0);

/**
 * A card's balance at `now` from its ledger entries, in any order and with any repeats (each id
 * counts once, entries replay in time order). Spending takes the amount loaded that expires first;
 * a spend beyond the balance is an overdraft, never a negative balance. Entries after `now` are not
 * counted yet.
 */
export function storedValueBalance(entries: readonly StoredValueEntry[], now: string): StoredValueBalance {
  const unique = uniqueEntries(entries);
  const past = unique.entries.filter((e) => e.at <= now);
  const state = replayLedger(past.map(opOf), now);
  const issue = past.find((e) => e.kind === 'issue');
  return {
    ...(issue ? { cardId: issue.cardId, cardKind: issue.cardKind, currency: issue.currency } : {}),
    status: state.closed ? 'cancelled' : issue ? 'active' : 'not_issued',
    available: state.available,
    reserved: state.held,
    overdraft: state.debt,
    loaded: sumOf(past, ['issue', 'reload']),
    redeemed: sumOf(past, ['redeem']),
    refunded: sumOf(past, ['refund']),
    expired: state.expired,
    voided: state.voided,
    expiring: state.expiring,
    reservations: state.holds.map((h) => ({ id: h.id, amount: h.amount, ...(h.until ? { until: h.until } : {}) })),
    overdrafts: state.debts.map((d) => ({ entryId: d.entryId, amount: d.amount })),
    conflicts: unique.conflicts,
  };
}
