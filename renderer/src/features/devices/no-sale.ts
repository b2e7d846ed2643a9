import { can } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { ask } from '../../state/dialog-store';
import { services } from '../../state/services';

/**
 * "No sale": the cashier picks a reason; without the drawer.open permission a manager types
 * their PIN, which the host checks. The host seals the event before the drawer opens.
 */
export async function openDrawerWithoutSale(): Promise<void> {
  const staff = useAppStore.getState().staff;
  if (!staff) return;
  const chosen = await ask({ kind: 'no-sale' });
  if (chosen?.kind !== 'no-sale') return;
  let managerPin: string | undefined;
  if (!can(staff.role, 'drawer.open')) {
    const pin = await ask({ kind: 'manager', actionKey: 'devices.noSale' });
    if (pin?.kind !== 'pin') return;
    managerPin = pin.pin;
  }
  try {
    const result = await services().bridge.invoke('drawer.open', { reason: chosen.reason, ...(managerPin ? { managerPin } : {}) });
    if (result.opened) useAppStore.getState().notify('success', 'devices.drawerOpened');
    else useAppStore.getState().notify('error', 'devices.drawerNotOpened', {}, [], result.message);
  } catch (error) {
    notifyError(error);
  }
}
