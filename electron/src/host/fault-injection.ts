import type { Sealer } from './fiscal/sealer';

/**
 * Test-only faults, switched on by POS_FAULT, so end-to-end tests can cut the power at the exact
 * step that matters. `crash-after-seal`: the host dies (SIGKILL) right after a sale is sealed and
 * fsynced, before the renderer hears back: the sale exists only in the host journal.
 */
export function injectFaults(sealer: Sealer, fault: string | undefined): void {
  if (fault !== 'crash-after-seal') return;
  const seal = sealer.seal.bind(sealer);
  sealer.seal = (async (request) => {
    const record = await seal(request);
    if (request.chain === 'sale') process.kill(process.pid, 'SIGKILL');
    return record;
  }) as Sealer['seal'];
}
