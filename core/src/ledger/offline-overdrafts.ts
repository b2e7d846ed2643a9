/** A spend the ledger could not cover: the entry and the part it could not take (now owed). */
export type OfflineOverdraft<E> = { readonly entry: E; readonly short: number };

/**
 * The offline spends among a ledger's debts: what the hub reports to head office when a spend made
 * under a store's offline cap turns out larger than the balance it had.
 */
export function offlineOverdrafts<E extends { readonly id: string; readonly kind: string; readonly offline?: true }>(
  debts: readonly { readonly entryId: string; readonly short: number }[],
  entries: readonly E[],
): OfflineOverdraft<E>[] {
  const offline = new Map(entries.filter((e) => e.kind === 'redeem' && e.offline).map((e) => [e.id, e]));
  return debts.flatMap((d) => {
    const entry = offline.get(d.entryId);
    return entry ? [{ entry, short: d.short }] : [];
  });
}
