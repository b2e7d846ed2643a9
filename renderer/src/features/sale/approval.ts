import { can, type Permission } from '@pos/core';
import { notifyError, useAppStore } from '../../state/app-store';
import { ask } from '../../state/dialog-store';
import { services } from '../../state/services';

/**
 * Who approves an action: the signed-in staff member when their role allows it, otherwise a
 * manager who types their PIN at this till (the host checks it). Null when nobody approved.
 */
export async function approve(permission: Permission, actionKey: string): Promise<string | null> {
  const staff = useAppStore.getState().staff;
  if (!staff) return null;
  if (can(staff.role, permission)) return staff.id;
  const result = await ask({ kind: 'manager', actionKey });
  if (result?.kind !== 'pin') return null;
  try {
    const manager = await services().bridge.invoke('session.authorize', { pin: result.pin, permission });
    return manager.id;
  } catch (error) {
    notifyError(error);
    return null;
  }
}
