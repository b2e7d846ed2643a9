import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../state/error-notice';
import { setupProblem, setUpFirstManager } from './first-manager';
import { PinPad, pinDigits } from './PinPad';

type PinField = 'pin' | 'confirm';

/** First run: the till's first manager (name, PIN twice), until staff come from the hub. */
export function SetupScreen() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pins, setPins] = useState<Record<PinField, string>>({ pin: '', confirm: '' });
  // The on-screen pad types into the PIN field last touched, for tills with no keyboard.
  const [active, setActive] = useState<PinField>('pin');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);

  const submit = async () => {
    const problem = setupProblem(name, pins.pin, pins.confirm);
    if (problem) return setError(t(`setup.${problem}`));
    setError(null);
    setBusy(true);
    try {
      await setUpFirstManager(name, pins.pin);
    } catch (e) {
      notifyError(e);
      setPins({ pin: '', confirm: '' });
    } finally {
      setBusy(false);
    }
  };

  const pinInput = (field: PinField, label: string) => (
    <label>
      <span>{label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={pins[field]}
        disabled={busy}
        onFocus={() => setActive(field)}
        onChange={(e) => setPins((p) => ({ ...p, [field]: pinDigits(e.target.value) }))}
      />
    </label>
  );

  return (
    <main className="signin setup">
      <h1>{t('setup.title')}</h1>
      <p className="setup-help">{t('setup.explain')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          <span>{t('setup.name')}</span>
          <input
            ref={nameInput}
            className="setup-name"
            autoComplete="off"
            maxLength={60}
            value={name}
            disabled={busy}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {pinInput('pin', t('setup.pin'))}
        {pinInput('confirm', t('setup.confirm'))}
        <PinPad disabled={busy} onChange={(update) => setPins((p) => ({ ...p, [active]: update(p[active]) }))} />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
