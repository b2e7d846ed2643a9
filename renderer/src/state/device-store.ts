import type { DeviceInventory, DeviceRole, DeviceStatusView, TerminalAlertView } from '@pos/core';
import { create } from 'zustand';

type DeviceState = {
  /** The latest status of each device, from the host's device.status events. */
  statuses: Partial<Record<DeviceRole, DeviceStatusView>>;
  /** What the Devices screen shows: lists, settings (loaded when it opens). */
  inventory: DeviceInventory | null;
  /** Card terminal alerts (late or double answers), newest first, until the manager dismisses them. */
  alerts: readonly TerminalAlertView[];
  panelOpen: boolean;
};

export const useDeviceStore = create<DeviceState>()(() => ({ statuses: {}, inventory: null, alerts: [], panelOpen: false }));

export function setDeviceStatus(view: DeviceStatusView): void {
  useDeviceStore.setState((s) => ({ statuses: { ...s.statuses, [view.role]: view } }));
}

export function setInventory(inventory: DeviceInventory): void {
  const statuses: Partial<Record<DeviceRole, DeviceStatusView>> = {};
  for (const view of inventory.statuses) statuses[view.role] = view;
  useDeviceStore.setState({ inventory, statuses });
}

const MAX_ALERTS = 20;

export function addTerminalAlert(alert: TerminalAlertView): void {
  useDeviceStore.setState((s) => ({
    alerts: [alert, ...s.alerts.filter((a) => !(a.attemptKey === alert.attemptKey && a.kind === alert.kind))].slice(0, MAX_ALERTS),
  }));
}

export function dismissTerminalAlert(attemptKey: string): void {
  useDeviceStore.setState((s) => ({ alerts: s.alerts.filter((a) => a.attemptKey !== attemptKey) }));
}
