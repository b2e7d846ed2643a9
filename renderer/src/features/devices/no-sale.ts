import { can } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { ask } from '../../state/dialog-store';
import { services } from '../../state/services';
import { askManagerPin } from '../dialogs/ask-manager-pin';

/**
 * "No sale": the cashier picks a reason; without the drawer.open permission a manager types
 * their PIN, which the host checks (a wrong one is said in the dialog, which asks again). The host
 * seals the event before the drawer opens.
 */
export async function openDrawerWithoutSale(): Promise<void> {
  const staff = useAppStore.getState().staff;
  if (!staff) return;
  const chosen = await ask({ kind: 'no-sale' });
  if (chosen?.kind !== 'no-sale') return;
  const open = (managerPin?: string) =>
    services().bridge.invoke('drawer.open', { reason: chosen.reason, ...(managerPin ? { managerPin } : {}) });
  try {
    const result = can(staff.role, 'drawer.open') ? await open() : await askManagerPin('devices.noSale', open);
    if (result === null) return;
    if (result.opened) useAppStore.getState().notify('success', 'devices.drawerOpened');
    else useAppStore.getState().notify('error', 'devices.drawerNotOpened', {}, [], result.message);
  } catch (error) {
    notifyError(error);
  }
}
