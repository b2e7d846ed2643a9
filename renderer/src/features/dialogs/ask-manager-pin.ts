import { PosError } from '@pos/core';
import type { Message } from '../../state/app-store';
import { ask } from '../../state/dialog-store';
import { errorMessage } from '../../state/error-notice';

/**
 * Asks a manager's PIN in the shared dialog and tries `attempt` with it until the host takes it.
 * A wrong PIN, or an approver without the right, is said in the dialog, which asks again; a lock
 * counts down there. Null when the manager cancels; any other refusal is thrown to the caller.
 */
export async function askManagerPin<T>(actionKey: string, attempt: (pin: string) => Promise<T>): Promise<T | null> {
  let error: Message | undefined;
  let lockedUntil: number | undefined;
  for (;;) {
    const result = await ask({ kind: 'manager', actionKey, ...(error ? { error } : {}), ...(lockedUntil ? { lockedUntil } : {}) });
    if (result?.kind !== 'pin') return null;
    try {
      return await attempt(result.pin);
    } catch (refusal) {
      if (!(refusal instanceof PosError)) throw refusal;
      if (refusal.code === 'PIN_LOCKED') {
        // Said in the dialog, with the seconds moving, until the manager may type again.
        error = undefined;
        lockedUntil = Date.now() + (Number(refusal.details?.retryInMs) || Number(refusal.details?.seconds) * 1000 || 0);
        continue;
      }
      lockedUntil = undefined;
      if (refusal.code === 'WRONG_PIN') error = errorMessage(refusal);
      else if (refusal.code === 'FORBIDDEN') error = { key: 'dialogs.approverNotAllowed' };
      else throw refusal;
    }
  }
}
