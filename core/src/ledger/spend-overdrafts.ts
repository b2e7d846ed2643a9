/** A spend the ledger could not cover: the entry and the part it could not take (now owed). */
export type SpendOverdraft<E> = { readonly entry: E; readonly short: number };

/**
 * The spends among a ledger's debts: what the hub reports to head office when spending turned out
 * larger than the balance. An offline spend (under a store's cap) is short itself, or it arrived
 * after an online spend made later in time, which the replay then finds short: both are reported,
 * each saying whether it was made offline.
 */
export function spendOverdrafts<E extends { readonly id: string; readonly kind: string }>(
  debts: readonly { readonly entryId: string; readonly short: number }[],
  entries: readonly E[],
): SpendOverdraft<E>[] {
  const spends = new Map(entries.filter((e) => e.kind === 'redeem').map((e) => [e.id, e]));
  return debts.flatMap((d) => {
    const entry = spends.get(d.entryId);
    return entry ? [{ entry, short: d.short }] : [];
  });
}
