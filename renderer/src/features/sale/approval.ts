import { can, PosError, type ApprovalAction, type ApprovalGrant, type ApprovalSubject } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { askManagerPin } from '../dialogs/ask-manager-pin';
import { services } from '../../state/services';

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
  try {
    return await askManagerPin(actionKey, (pin) => bridge.invoke('approval.request', { action, pin, subject }));
  } catch (refusal) {
    // The host cannot answer: asking again now would not help.
    notifyError(refusal);
    return null;
  }
}
