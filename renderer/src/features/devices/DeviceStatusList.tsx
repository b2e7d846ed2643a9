import type { DeviceRole, DeviceStatusView } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { SupportWords } from '../errors/SupportWords';
import { useDeviceStore } from '../../state/device-store';

const ROLES: readonly DeviceRole[] = ['printer', 'drawer', 'scanner', 'scale', 'pole-display', 'customer-display', 'terminal'];

/**
 * What to do about a device, in the screen's language: the printer's reported conditions by
 * code, else a sentence for its state; the driver's own words only for support.
 */
function DeviceHelp({ role, state, words }: { role: DeviceRole; state: DeviceStatusView['state']; words: string | undefined }) {
  const { t } = useTranslation();
  const printer = useAppStore((s) => s.printer);
  const conditions = role === 'printer' ? (printer?.conditions ?? []) : [];
  const help =
    conditions.length > 0 ? conditions.map((c) => t(`devices.condition.${c}`)).join(' · ') : words ? t(`devices.stateHelp.${state}`) : '';
  return (
    <>
      {help}
      <SupportWords words={words} />
    </>
  );
}

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
              <td>{view?.labelCode ? t(`devices.label.${view.labelCode}`, view.labelValues ?? {}) : (view?.label ?? '—')}</td>
              <td className={`device-${state}`}>{t(`devices.state.${state}`)}</td>
              <td>
                {role === 'drawer' && (state === 'disconnected' || state === 'error') ? (
                  t('devices.drawerFollowsPrinter')
                ) : (
                  <DeviceHelp role={role} state={state} words={view?.message} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
