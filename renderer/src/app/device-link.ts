import type { HostBridge } from '../bridge';
import { settleFromTerminal } from '../features/payment/payment-actions';
import { terminalAlertMessage } from '../features/devices/device-words';
import { useAppStore } from '../state/app-store';
import { addTerminalAlert, setDeviceStatus } from '../state/device-store';
import { services } from '../state/services';

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
      const app = useAppStore.getState();
      const { key, values } = terminalAlertMessage(alert, services().profile.currency, app.locale);
      app.notify(alert.kind === 'late-approval' || alert.kind === 'unknown-attempt' ? 'error' : 'warning', key, values, [], alert.message);
    }),
    bridge.on('host.notice', (notice) => {
      const app = useAppStore.getState();
      // A notice the page has no sentence for is still said in its language; the host's words stay for support.
      const key = notice.code ? `devices.notice.${notice.code}` : 'devices.notice.other';
      const values = notice.values ?? {};
      if (notice.while) app.notifyWhile(notice.while, notice.level, key, values);
      else app.notify(notice.level, key, values, [], notice.message);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
