import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../app/boot';
import { notifyError, useAppStore } from '../../state/app-store';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** PIN sign-in: keyboard (digits, Backspace, Enter) or the on-screen pad. */
export function SignInScreen() {
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
            onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, 6))}
          />
        </label>
        <div className="pin-pad">
          {DIGITS.map((d) => (
            <button key={d} type="button" aria-label={t('signin.digit', { digit: d })} onClick={() => setPin((p) => (p + d).slice(0, 6))}>
              {d}
            </button>
          ))}
          <button type="button" onClick={() => setPin((p) => p.slice(0, -1))}>
            {t('signin.backspace')}
          </button>
          <button type="button" onClick={() => setPin('')}>
            {t('signin.clear')}
          </button>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
