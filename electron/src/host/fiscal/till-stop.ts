import { randomUUID } from 'node:crypto';
import type { JournalStore } from './journal-store';
import type { Sealer } from './sealer';

/**
 * How long a clean stop waits for its `till.stop` to be sealed: well within the shell's own close
 * timeout (CLOSE_TIMEOUT_MS, 5 s), so a slow disk never hangs quitting.
 */
export const STOP_SEAL_MS = 2_000;

/**
 * Seals `till.stop` (JET 40) before the journal closes, waiting at most `ms`; never throws. A
 * stopped journal takes nothing (its integrity event is its last word). Resolves whether it was sealed.
 */
export async function sealTillStop(sealer: Sealer, journal: JournalStore, ms = STOP_SEAL_MS): Promise<boolean> {
  if (journal.status.state !== 'ok') return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const sealed = sealer.seal({ chain: 'event', id: randomUUID(), payload: { type: 'till.stop' } }).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([sealed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
