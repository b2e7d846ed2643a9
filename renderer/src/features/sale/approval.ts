import { can, PosError, type ApprovalAction, type ApprovalGrant, type ApprovalSubject } from '@pos/core';
import { useAppStore, type Message } from '../../state/app-store';
import { ask } from '../../state/dialog-store';
import { errorMessage, notifyError } from '../../state/error-notice';
import { services } from '../../state/services';

/** What the host says when a PIN typed in the dialog does not approve: said in the dialog, which asks again. */
function retryMessage(error: unknown): Message | null {
  if (!(error instanceof PosError)) return null;
  if (error.code === 'WRONG_PIN') return errorMessage(error);
  if (error.code === 'FORBIDDEN') return { key: 'dialogs.approverNotAllowed' };
  return null;
}

/**
 * A single-use approval of one action from the till host, bound to `subject` (the cart, the
 * line, the figures): the sealed payload cites it and the host refuses any other figure. The
 * signed-in person approves what their role allows; otherwise a manager types their PIN here
 * (a wrong one is said in the dialog, which asks again). Null when nobody approved.
 */
export async function approve(action: ApprovalAction, actionKey: string, subject: ApprovalSubject): Promise<ApprovalGrant | null> {
  const staff = useAppStore.getState().staff;
  if (!staff) return null;
  const { bridge } = services();
  if (can(staff.role, action)) {
    try {
      return await bridge.invoke('approval.request', { action, subject });
    } catch (error) {
      // The host's roles are the ones that count: refused alone, a manager may still approve.
      if (!(error instanceof PosError && error.code === 'FORBIDDEN')) {
        notifyError(error);
        return null;
      }
    }
  }
  let error: Message | undefined;
  let lockedUntil: number | undefined;
  for (;;) {
    const result = await ask({ kind: 'manager', actionKey, ...(error ? { error } : {}), ...(lockedUntil ? { lockedUntil } : {}) });
    if (result?.kind !== 'pin') return null;
    try {
      return await bridge.invoke('approval.request', { action, pin: result.pin, subject });
    } catch (refusal) {
      if (refusal instanceof PosError && refusal.code === 'PIN_LOCKED') {
        // Said in the dialog, with the seconds moving, until the manager may type again.
        error = undefined;
        lockedUntil = Date.now() + (Number(refusal.details?.retryInMs) || Number(refusal.details?.seconds) * 1000 || 0);
        continue;
      }
      lockedUntil = undefined;
      const retry = retryMessage(refusal);
      if (!retry) {
        // The host cannot answer: asking again now would not help.
        notifyError(refusal);
        return null;
      }
      error = retry;
    }
  }
}
