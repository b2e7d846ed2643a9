import { PosError } from '@pos/core';
import type { Message } from '../../state/app-store';
import { ask } from '../../state/dialog-store';
import { errorMessage } from '../../state/error-notice';

const isCode = (error: unknown, code: string) => error instanceof PosError && error.code === code;

/** Refused alone, but a manager's PIN would do (not an action reserved to managers whatever the PIN). */
const approverWouldDo = (error: unknown) => isCode(error, 'FORBIDDEN') && (error as PosError).details?.reason !== 'manager-only';

/**
 * A host method a cashier may be refused alone (a pay-out): tried as the person signed in; when
 * the host answers FORBIDDEN, a manager types their PIN in the shared dialog and it is tried
 * again with it. A wrong PIN is said in the dialog, which asks again; a lock counts down there
 * (as approve() in sale/approval.ts does). Null when nobody approved; other refusals are thrown.
 * `askFirst`: what always takes a manager (a variance over the limit) asks the PIN straight away.
 */
export async function withManagerPin<T>(
  actionKey: string,
  attempt: (managerPin?: string) => Promise<T>,
  { askFirst = false }: { askFirst?: boolean } = {},
): Promise<T | null> {
  if (!askFirst) {
    try {
      return await attempt();
    } catch (refusal) {
      if (!approverWouldDo(refusal)) throw refusal;
    }
  }
  let error: Message | undefined;
  let lockedUntil: number | undefined;
  for (;;) {
    const result = await ask({ kind: 'manager', actionKey, ...(error ? { error } : {}), ...(lockedUntil ? { lockedUntil } : {}) });
    if (result?.kind !== 'pin') return null;
    try {
      return await attempt(result.pin);
    } catch (refusal) {
      if (refusal instanceof PosError && refusal.code === 'PIN_LOCKED') {
        error = undefined;
        lockedUntil = Date.now() + (Number(refusal.details?.retryInMs) || Number(refusal.details?.seconds) * 1000 || 0);
        continue;
      }
      lockedUntil = undefined;
      if (isCode(refusal, 'WRONG_PIN')) error = errorMessage(refusal);
      else if (isCode(refusal, 'FORBIDDEN')) error = { key: 'dialogs.approverNotAllowed' };
      else throw refusal;
    }
  }
}
