import { PosError } from '@pos/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../app/boot';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { PinPad, pinDigits } from './PinPad';
import { SetupScreen } from './SetupScreen';

/** PIN sign-in: keyboard (digits, Backspace, Enter) or the on-screen pad; a till with no staff sets up its first manager. */
export function SignInScreen() {
  const needsSetup = useAppStore((s) => s.needsSetup);
  return needsSetup ? <SetupScreen /> : <PinSignIn />;
}

function PinSignIn() {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  useEffect(() => input.current?.focus(), []);

  const submit = async () => {
    if (busy || pin.length === 0) return;
    setBusy(true);
    dismissNotice();
    try {
      await signIn(pin);
    } catch (error) {
      // The host has no staff after all (hello was older than its state): set up the first manager.
      if (error instanceof PosError && error.code === 'SETUP_REQUIRED') useAppStore.setState({ needsSetup: true });
      notifyError(error);
    } finally {
      setPin('');
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <main className="signin">
      <h1>{t('signin.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          <span>{t('signin.prompt')}</span>
          <input
            ref={input}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            aria-label={t('signin.pin')}
            maxLength={6}
            value={pin}
            disabled={busy}
            onChange={(e) => setPin(pinDigits(e.target.value))}
          />
        </label>
        <PinPad onChange={setPin} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
