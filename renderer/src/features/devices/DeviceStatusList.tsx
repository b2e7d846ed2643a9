import type { DeviceRole } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { useDeviceStore } from '../../state/device-store';

const ROLES: readonly DeviceRole[] = ['printer', 'drawer', 'scanner', 'scale', 'pole-display', 'customer-display', 'terminal'];

/** Each device's live state and, when something is wrong, what to do about it. */
export function DeviceStatusList() {
  const { t } = useTranslation();
  const statuses = useDeviceStore((s) => s.statuses);
  return (
    <table className="device-statuses">
      <tbody>
        {ROLES.map((role) => {
          const view = statuses[role];
          const state = view?.state ?? 'off';
          return (
            <tr key={role} data-role={role} data-state={state}>
              <th scope="row">{t(`devices.role.${role}`)}</th>
              <td>{view?.label ?? '—'}</td>
              <td className={`device-${state}`}>{t(`devices.state.${state}`)}</td>
              <td>
                {role === 'drawer' && (state === 'disconnected' || state === 'error')
                  ? t('devices.drawerFollowsPrinter')
                  : (view?.message ?? '')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
