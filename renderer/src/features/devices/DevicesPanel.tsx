import {
  BAUD_RATES,
  can,
  SCANNER_MODES,
  SCANNER_SUFFIXES,
  TERMINAL_KINDS,
  type DeviceInventory,
  type DeviceSettingsPatch,
  type DeviceTest,
  type DeviceTestResult,
} from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type Message } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { dismissTerminalAlert, setInventory, useDeviceStore } from '../../state/device-store';
import { services, useStoreProfile } from '../../state/services';
import { Overlay } from '../dialogs/Overlay';
import { SupportWords } from '../errors/SupportWords';
import { terminalAlertMessage, testOutcomeMessage } from './device-words';
import { DeviceStatusList } from './DeviceStatusList';
import { GsFormsField } from './GsFormsField';
import { settingsRefusal } from './printer-target-message';
import { PrinterTargetField, printerTargetValid } from './PrinterTargetField';
import { SigningKeySection } from './SigningKeySection';

type Settings = DeviceInventory['settings'];

const TESTS: readonly DeviceTest[] = ['print', 'drawer', 'scan', 'scale', 'payment', 'pole-display'];

/** "" in a path field means "none". */
const pathOrNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The ports and HID devices found, offered in every port field (typing another path is allowed). */
const PORT_LIST_ID = 'device-ports';

function PortList({ inventory }: { inventory: DeviceInventory }) {
  return (
    <datalist id={PORT_LIST_ID}>
      {inventory.serialPorts.map((p) => (
        <option key={p.path} value={p.path}>
          {[p.manufacturer, p.vendorId && `${p.vendorId}:${p.productId ?? ''}`].filter(Boolean).join(' ')}
        </option>
      ))}
      {inventory.hidDevices.map((d) => (
        <option key={d.path} value={d.path}>
          {`${d.vendor} ${d.product ?? ''}${d.hidPos ? ' (HID POS)' : ''}`}
        </option>
      ))}
    </datalist>
  );
}

function PortPicker({ value, onChange }: { value: string | null; onChange: (path: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <input list={PORT_LIST_ID} value={value ?? ''} placeholder={t('devices.none')} onChange={(e) => onChange(pathOrNull(e.target.value))} />
  );
}

function BaudSelect({ id, value, onChange }: { id: string; value: number; onChange: (baud: number) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {BAUD_RATES.map((b) => (
        <option key={b} value={b}>
          {b}
        </option>
      ))}
    </select>
  );
}

/** The settings form: edits a copy, saved in one request so the host checks them together. */
function SettingsForm({ inventory }: { inventory: DeviceInventory }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Settings>(inventory.settings);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  useEffect(() => setDraft(inventory.settings), [inventory.settings]);
  const set = <K extends keyof Settings>(section: K, change: Partial<Settings[K]>) =>
    setDraft((d) => ({ ...d, [section]: { ...d[section], ...change } }));
  const changedSections = (Object.keys(draft) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(draft[k]) !== JSON.stringify(inventory.settings[k]),
  );

  return (
    <form
      className="devices-form"
      onSubmit={(e) => {
        e.preventDefault();
        const patch: Record<string, unknown> = {};
        for (const section of changedSections) patch[section] = draft[section];
        setBusy(true);
        setError(null);
        services()
          .bridge.invoke('devices.configure', patch as DeviceSettingsPatch)
          .then(
            (next) => {
              setInventory(next);
              useAppStore.getState().notify('success', 'devices.saved');
            },
            (e: unknown) => setError(settingsRefusal(e)),
          )
          .finally(() => setBusy(false));
      }}
    >
      <PortList inventory={inventory} />
      <fieldset>
        <legend>{t('devices.printer')}</legend>
        <PrinterTargetField value={draft.printer.target} onChange={(target) => set('printer', { target })} />
        <label>
          <span>{t('devices.printerProfile')}</span>
          <select value={draft.printer.profile} onChange={(e) => set('printer', { profile: e.target.value })}>
            {inventory.printerProfiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('devices.drawerPin')}</span>
          <select value={draft.drawer.pin} onChange={(e) => set('drawer', { pin: Number(e.target.value) as 2 | 5 })}>
            <option value={2}>2</option>
            <option value={5}>5</option>
          </select>
        </label>
        <label>
          <span>{t('devices.drawerWarn')}</span>
          <input
            type="number"
            min={0}
            max={3600}
            value={draft.drawer.warnAfterS}
            onChange={(e) => set('drawer', { warnAfterS: Number(e.target.value) })}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('devices.scanner')}</legend>
        <label>
          <span>{t('devices.mode')}</span>
          <select value={draft.scanner.mode} onChange={(e) => set('scanner', { mode: e.target.value as Settings['scanner']['mode'] })}>
            {SCANNER_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`devices.scannerMode.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.scanner.mode === 'keyboard-wedge' && (
          <GsFormsField value={draft.scanner.gsForms} onChange={(gsForms) => set('scanner', { gsForms })} />
        )}
        {draft.scanner.mode !== 'keyboard-wedge' && (
          <>
            <label>
              <span>{t('devices.port')}</span>
              <PortPicker value={draft.scanner.path} onChange={(path) => set('scanner', { path })} />
            </label>
            {draft.scanner.mode === 'serial' && (
              <>
                <label>
                  <span>{t('devices.baud')}</span>
                  <BaudSelect id="scanner-baud" value={draft.scanner.baudRate} onChange={(baudRate) => set('scanner', { baudRate })} />
                </label>
                <label>
                  <span>{t('devices.suffix')}</span>
                  <select
                    value={draft.scanner.suffix}
                    onChange={(e) => set('scanner', { suffix: e.target.value as Settings['scanner']['suffix'] })}
                  >
                    {SCANNER_SUFFIXES.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </select>
                </label>
              </>
            )}
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('devices.scaleAndDisplay')}</legend>
        <label>
          <span>{t('devices.scale')}</span>
          <PortPicker value={draft.scale.path} onChange={(path) => set('scale', { path })} />
        </label>
        <label>
          <span>{t('devices.poleDisplay')}</span>
          <PortPicker value={draft.poleDisplay.path} onChange={(path) => set('poleDisplay', { path })} />
        </label>
        <label>
          <span>{t('devices.baud')}</span>
          <BaudSelect id="pole-baud" value={draft.poleDisplay.baudRate} onChange={(baudRate) => set('poleDisplay', { baudRate })} />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.customerDisplay.window}
            onChange={(e) => set('customerDisplay', { window: e.target.checked })}
          />
          <span>{t('devices.customerWindow')}</span>
        </label>
        {draft.customerDisplay.window && (
          <label>
            <span>{t('devices.customerScreen')}</span>
            <input
              type="number"
              min={0}
              max={16}
              placeholder={t('devices.customerScreenAuto')}
              value={draft.customerDisplay.screen ?? ''}
              onChange={(e) => set('customerDisplay', { screen: e.target.value === '' ? null : Number(e.target.value) })}
            />
          </label>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('devices.terminal')}</legend>
        <label>
          <span>{t('devices.protocol')}</span>
          <select value={draft.terminal.kind} onChange={(e) => set('terminal', { kind: e.target.value as Settings['terminal']['kind'] })}>
            {TERMINAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`devices.terminalKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.terminal.kind !== 'simulated' && (
          <label>
            <span>{draft.terminal.kind === 'concert' ? t('devices.port') : t('devices.address')}</span>
            <PortPicker value={draft.terminal.address} onChange={(address) => set('terminal', { address })} />
          </label>
        )}
        <label>
          <span>{t('devices.timeout')}</span>
          <input
            type="number"
            min={1}
            value={draft.terminal.timeoutMs / 1000}
            onChange={(e) => set('terminal', { timeoutMs: Math.round(Number(e.target.value) * 1000) })}
          />
        </label>
        <label>
          <span>{t('devices.offlinePerPayment')}</span>
          <input
            type="number"
            min={0}
            value={draft.terminal.offlineCaps.maxPerPayment / 100}
            onChange={(e) =>
              set('terminal', { offlineCaps: { ...draft.terminal.offlineCaps, maxPerPayment: Math.round(Number(e.target.value) * 100) } })
            }
          />
        </label>
        <label>
          <span>{t('devices.offlineTotal')}</span>
          <input
            type="number"
            min={0}
            value={draft.terminal.offlineCaps.maxTotal / 100}
            onChange={(e) =>
              set('terminal', { offlineCaps: { ...draft.terminal.offlineCaps, maxTotal: Math.round(Number(e.target.value) * 100) } })
            }
          />
        </label>
      </fieldset>

      {error && (
        <p className="form-error" role="alert">
          {t(error.key, error.values ?? {})}
        </p>
      )}
      <button
        type="submit"
        className="primary"
        disabled={busy || changedSections.length === 0 || !printerTargetValid(draft.printer.target)}
      >
        {t('devices.save')}
      </button>
    </form>
  );
}

function TestResult({ result }: { result: DeviceTestResult }) {
  const { t } = useTranslation();
  const { key, values } = testOutcomeMessage(result);
  return (
    <span className={result.ok ? 'ok' : 'error'} role="status">
      {t(key, values ?? {})}
      <SupportWords words={result.message} />
    </span>
  );
}

function DeviceTests() {
  const { t } = useTranslation();
  const [running, setRunning] = useState<DeviceTest | null>(null);
  const [results, setResults] = useState<Partial<Record<DeviceTest, DeviceTestResult>>>({});
  return (
    <section className="device-tests" aria-label={t('devices.tests')}>
      {TESTS.map((test) => (
        <div key={test} className="device-test">
          <button
            type="button"
            disabled={running !== null}
            onClick={() => {
              setRunning(test);
              services()
                .bridge.invoke('devices.test', { test })
                .then((result) => setResults((r) => ({ ...r, [test]: result })), notifyError)
                .finally(() => setRunning(null));
            }}
          >
            {running === test ? t('devices.testing') : t(`devices.test.${test}`)}
          </button>
          {results[test] && <TestResult result={results[test]} />}
        </div>
      ))}
    </section>
  );
}

/**
 * The manager's Devices screen: what is connected, how it is set up, and a test for each. Its
 * content is drawn (and reads the till's services) only while it is open: the page draws this
 * before the till has started.
 */
export function DevicesPanel() {
  const panelOpen = useDeviceStore((s) => s.panelOpen);
  return panelOpen ? <OpenDevicesPanel /> : null;
}

function OpenDevicesPanel() {
  const { t } = useTranslation();
  const staff = useAppStore((s) => s.staff);
  const { inventory, alerts } = useDeviceStore();
  const { currency } = useStoreProfile();
  const locale = useAppStore((s) => s.locale);
  useEffect(() => {
    const { bridge } = services();
    const load = () => bridge.invoke('devices.list').then(setInventory, notifyError);
    void load();
    // The printer's state (paper, cover, drawer) comes with its own event: the list follows it.
    return bridge.on('printer.status', () => void load());
  }, []);
  const close = () => useDeviceStore.setState({ panelOpen: false });
  const manager = staff !== null && can(staff.role, 'till.settings');
  const tr = (m: Message) => t(m.key, m.values ?? {});
  return (
    <Overlay label={t('devices.title')} className="devices-panel" onClose={close} closeOnBackdrop>
      <h2>{t('devices.title')}</h2>
      {!manager && <p>{t('devices.managerOnly')}</p>}
      {alerts.length > 0 && (
        <ul className="terminal-alerts">
          {alerts.map((a) => (
            <li key={`${a.attemptKey}-${a.kind}`} role="alert">
              {tr(terminalAlertMessage(a, currency, locale))}
              <SupportWords words={a.message} />{' '}
              <button type="button" onClick={() => dismissTerminalAlert(a.attemptKey)}>
                {t('devices.seen')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <DeviceStatusList />
      {manager && inventory && (
        <>
          {inventory.listErrors.map((e) => (
            <p key={e.list} className="form-error">
              {t(`devices.listError.${e.list}`)}
              <SupportWords words={e.message} />
            </p>
          ))}
          <DeviceTests />
          <SettingsForm inventory={inventory} />
          <SigningKeySection />
        </>
      )}
      <button type="button" onClick={close}>
        {t('actions.close')}
      </button>
    </Overlay>
  );
}
