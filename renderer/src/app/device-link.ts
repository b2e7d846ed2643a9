import type { HostBridge } from '../bridge';
import { settleFromTerminal } from '../features/payment/payment-actions';
import { useAppStore } from '../state/app-store';
import { addTerminalAlert, setDeviceStatus } from '../state/device-store';

/**
 * The host's device events into the renderer's state: statuses for the Devices screen and the
 * status bar, terminal alerts and host notices for the cashier. Returns the unsubscribe function.
 */
export function linkDevices(bridge: HostBridge): () => void {
  const offs = [
    bridge.on('device.status', setDeviceStatus),
    bridge.on('terminal.alert', (alert) => {
      addTerminalAlert(alert);
      void settleFromTerminal(alert);
      useAppStore
        .getState()
        .notify(alert.kind === 'late-approval' || alert.kind === 'unknown-attempt' ? 'error' : 'warning', 'devices.hostNotice', {
          message: alert.message,
        });
    }),
    bridge.on('host.notice', (notice) => {
      const app = useAppStore.getState();
      const values = { message: notice.message };
      if (notice.while) app.notifyWhile(notice.while, notice.level, 'devices.hostNotice', values);
      else app.notify(notice.level, 'devices.hostNotice', values);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
