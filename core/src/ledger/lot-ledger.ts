/**
 * The replay both value ledgers share (loyalty points; gift cards and store credit): credits make
 * lots, each with its own expiry; debits take from the lot that expires first (then the oldest);
 * holds set amounts aside for a sale under way; what a debit cannot find becomes debt, recorded with
 * the entry that caused it and paid back from the next credits. The balance never goes below zero.
 * Amounts are non-negative integers (points, or minor units).
 */
export type LedgerOp =
  | { readonly op: 'credit'; readonly id: string; readonly at: string; readonly amount: number; readonly expiresAt?: string }
  /** A spend; through `holdId` it uses what that hold set aside first. */
  | { readonly op: 'debit'; readonly id: string; readonly at: string; readonly amount: number; readonly holdId?: string }
  | { readonly op: 'hold'; readonly id: string; readonly at: string; readonly amount: number; readonly until?: string }
  | { readonly op: 'unhold'; readonly id: string; readonly at: string; readonly holdId: string }
  /** One lot expires now (or every lot, without `lotId`), whatever its own expiry says. */
  | { readonly op: 'expire'; readonly id: string; readonly at: string; readonly lotId?: string }
  /** The account is closed: what it holds is void, later credits too. */
  | { readonly op: 'close'; readonly id: string; readonly at: string };

export type LedgerLot = { readonly id: string; readonly at: string; readonly expiresAt?: string; readonly remaining: number };

export type LedgerHold = {
  readonly id: string;
  readonly amount: number;
  /** What the hold asked for and the ledger did not have when it was replayed. */
  readonly short: number;
  readonly until?: string;
};

/** An entry that took more than there was: the part it could not take. */
export type LedgerDebt = { readonly entryId: string; readonly amount: number };

export type LedgerState = {
  /** Free to spend now. */
  readonly available: number;
  /** Set aside by open holds. */
  readonly held: number;
  /** Owed: taken beyond the balance and not yet paid back by later credits. */
  readonly debt: number;
  readonly credited: number;
  readonly debited: number;
  readonly expired: number;
  /** Voided by closing the account. */
  readonly voided: number;
  /** Live lots with something left, first to be spent first. */
  readonly lots: readonly LedgerLot[];
  /** What is available grouped by expiry, soonest first (lots that never expire left out). */
  readonly expiring: readonly { readonly expiresAt: string; readonly amount: number }[];
  readonly holds: readonly LedgerHold[];
  /** Every debt ever recorded, in time order (what `debt` owes is what later credits did not pay back). */
  readonly debts: readonly LedgerDebt[];
  readonly closed: boolean;
};

type Lot = { id: string; at: string; expiresAt: string | undefined; remaining: number; dead: boolean };
type Part = { lot: Lot; amount: number };
type Hold = { id: string; parts: Part[]; short: number; until: string | undefined };

/** First to expire first (never-expiring lots last), then the oldest, then by id. */
function spendOrder(a: Lot, b: Lot): number {
  const ea = a.expiresAt ?? '~';
  const eb = b.expiresAt ?? '~';
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

const minInstant = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined ? a : a < b ? a : b;

class Replay {
  private readonly lots = new Map<string, Lot>();
  private readonly holds = new Map<string, Hold>();
  /** Early expiries of lots not (yet) credited when the expiry was replayed. */
  private readonly expiresEarly = new Map<string, string>();
  private debt = 0;
  private readonly debts: LedgerDebt[] = [];
  private credited = 0;
  private debited = 0;
  private expired = 0;
  private voided = 0;
  private closed = false;

  /** Runs what time does by `t`: holds past their `until` released, lots past their expiry expired, in time order. */
  advance(t: string): void {
    const due: { time: string; rank: number; id: string }[] = [];
    for (const hold of this.holds.values())
      if (hold.until !== undefined && hold.until <= t) due.push({ time: hold.until, rank: 0, id: hold.id });
    for (const lot of this.lots.values())
      if (!lot.dead && lot.expiresAt !== undefined && lot.expiresAt <= t) due.push({ time: lot.expiresAt, rank: 1, id: lot.id });
    due.sort((a, b) => (a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.rank !== b.rank ? a.rank - b.rank : a.id < b.id ? -1 : 1));
    for (const event of due) {
      if (event.rank === 0) this.release(event.id);
      else this.kill(this.lots.get(event.id)!);
    }
  }

  apply(op: LedgerOp): void {
    switch (op.op) {
      case 'credit':
        return this.credit(op.id, op.at, op.amount, minInstant(op.expiresAt, this.expiresEarly.get(op.id)));
      case 'debit':
        return this.debit(op.id, op.amount, op.holdId);
      case 'hold': {
        const parts = this.take(op.amount);
        const taken = parts.reduce((acc, p) => acc + p.amount, 0);
        this.holds.set(op.id, { id: op.id, parts, short: op.amount - taken, until: op.until });
        return;
      }
      case 'unhold':
        return this.release(op.holdId);
      case 'expire':
        return this.expire(op.at, op.lotId);
      case 'close':
        return this.close();
    }
  }

  private credit(id: string, at: string, amount: number, expiresAt: string | undefined): void {
    this.credited += amount;
    if (this.closed) {
      this.voided += amount;
      return;
    }
    const lot: Lot = { id, at, expiresAt, remaining: amount, dead: false };
    this.lots.set(id, lot);
    if (expiresAt !== undefined && expiresAt <= at) this.kill(lot);
    else this.settleDebt();
  }

  private debit(entryId: string, amount: number, holdId: string | undefined): void {
    this.debited += amount;
    let left = amount;
    const hold = holdId === undefined ? undefined : this.holds.get(holdId);
    if (hold) {
      this.holds.delete(hold.id);
      for (const part of hold.parts) {
        const use = Math.min(left, part.amount);
        left -= use;
        part.amount -= use;
      }
      this.giveBack(hold.parts);
    }
    left -= this.take(left).reduce((acc, p) => acc + p.amount, 0);
    if (left > 0) {
      this.debt += left;
      this.debts.push({ entryId, amount: left });
    }
  }

  /** Takes up to `amount` from the live lots in spending order. */
  private take(amount: number): Part[] {
    const parts: Part[] = [];
    if (amount <= 0) return parts;
    let left = amount;
    for (const lot of [...this.lots.values()].filter((l) => !l.dead && l.remaining > 0).sort(spendOrder)) {
      if (left === 0) break;
      const use = Math.min(left, lot.remaining);
      lot.remaining -= use;
      left -= use;
      parts.push({ lot, amount: use });
    }
    return parts;
  }

  private release(holdId: string): void {
    const hold = this.holds.get(holdId);
    if (!hold) return;
    this.holds.delete(holdId);
    this.giveBack(hold.parts);
  }

  /** Puts parts back in their lots: those of a lot that expired meanwhile expire now, the others pay debt first. */
  private giveBack(parts: readonly Part[]): void {
    for (const part of parts) {
      if (part.amount === 0) continue;
      if (part.lot.dead) this.expired += part.amount;
      else part.lot.remaining += part.amount;
    }
    this.settleDebt();
  }

  private settleDebt(): void {
    if (this.debt === 0) return;
    const paid = this.take(this.debt).reduce((acc, p) => acc + p.amount, 0);
    this.debt -= paid;
  }

  private kill(lot: Lot): void {
    if (lot.dead) return;
    lot.dead = true;
    this.expired += lot.remaining;
    lot.remaining = 0;
  }

  private expire(at: string, lotId: string | undefined): void {
    if (lotId === undefined) {
      for (const lot of this.lots.values()) this.kill(lot);
      return;
    }
    const lot = this.lots.get(lotId);
    if (lot) this.kill(lot);
    else this.expiresEarly.set(lotId, minInstant(at, this.expiresEarly.get(lotId))!);
  }

  private close(): void {
    this.closed = true;
    for (const lot of this.lots.values()) {
      this.voided += lot.remaining;
      lot.remaining = 0;
      lot.dead = true;
    }
    for (const hold of this.holds.values()) this.voided += hold.parts.reduce((acc, p) => acc + p.amount, 0);
    this.holds.clear();
  }

  state(): LedgerState {
    const lots = [...this.lots.values()].filter((l) => !l.dead && l.remaining > 0).sort(spendOrder);
    const holds = [...this.holds.values()]
      .map((h) => ({
        id: h.id,
        amount: h.parts.reduce((acc, p) => acc + p.amount, 0),
        short: h.short,
        ...(h.until ? { until: h.until } : {}),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const expiring = new Map<string, number>();
    for (const lot of lots) if (lot.expiresAt) expiring.set(lot.expiresAt, (expiring.get(lot.expiresAt) ?? 0) + lot.remaining);
    return {
      available: lots.reduce((acc, l) => acc + l.remaining, 0),
      held: holds.reduce((acc, h) => acc + h.amount, 0),
      debt: this.debt,
      credited: this.credited,
      debited: this.debited,
      expired: this.expired,
      voided: this.voided,
      lots: lots.map((l) => ({ id: l.id, at: l.at, ...(l.expiresAt ? { expiresAt: l.expiresAt } : {}), remaining: l.remaining })),
      expiring: [...expiring].sort(([a], [b]) => (a < b ? -1 : 1)).map(([expiresAt, amount]) => ({ expiresAt, amount })),
      holds,
      debts: [...this.debts],
      closed: this.closed,
    };
  }
}

/**
 * Replays operations (already each once and in time order: uniqueEntries) up to `now`: what time
 * does between two operations (expiries, holds running out) happens at its own instant.
 */
export function replayLedger(ops: readonly LedgerOp[], now: string): LedgerState {
  const replay = new Replay();
  for (const op of ops) {
    if (op.at > now) break;
    replay.advance(op.at);
    replay.apply(op);
  }
  replay.advance(now);
  return replay.state();
}
