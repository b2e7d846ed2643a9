import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeClient, OfficeMe } from '../api/office-client';
import { Field } from '../app/Field';
import { CardForm } from '../app/CardForm';
import { errorCode, useErrorText } from '../app/use-error-text';

const TOTP_CODES = new Set(['totp_required', 'totp_invalid']);

/**
 * E-mail and password, then the TOTP code when the hub asks for it. A refusal is read out (role
 * alert), as is why the user is back (the session ended), and focus goes to the field to correct: the code when the second factor is asked, the
 * password otherwise.
 */
export function SignInPage({
  client,
  onSignedIn,
  notice = null,
}: {
  client: OfficeClient;
  onSignedIn: (me: OfficeMe) => void;
  /** Why the user is back here (the session ended), read out until a refusal replaces it. */
  notice?: string | null;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ids = { totpHelp: useId(), error: useId() };
  const invalid = (wrong: boolean) => (wrong ? { 'aria-invalid': true, 'aria-describedby': ids.error } : {});
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);
  useEffect(() => {
    if (error === null) return;
    if (TOTP_CODES.has(errorCode(error))) totpRef.current?.focus();
    else if (errorCode(error) === 'invalid_credentials') {
      passwordRef.current?.focus();
      passwordRef.current?.select();
    }
  }, [error]);

  async function submit() {
    setBusy(true);
    try {
      onSignedIn(await client.signIn({ email: email.trim(), password, ...(askTotp && totp ? { totp: totp.trim() } : {}) }));
    } catch (refusal) {
      if (TOTP_CODES.has(errorCode(refusal))) setAskTotp(true);
      if (errorCode(refusal) === 'totp_invalid') setTotp('');
      setError(refusal);
      setBusy(false);
    }
  }

  const failed = error !== null;
  const credentialsWrong = errorCode(error) === 'invalid_credentials';
  return (
    <CardForm title={t('signIn.title')} problem={failed ? errorText(error) : notice} problemId={ids.error} onSubmit={() => void submit()}>
      <Field
        label={t('signIn.email')}
        inputRef={emailRef}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        {...invalid(credentialsWrong)}
      />
      <Field
        label={t('signIn.password')}
        inputRef={passwordRef}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        {...invalid(credentialsWrong)}
      />
      {askTotp && (
        <>
          <Field
            label={t('signIn.totp')}
            inputRef={totpRef}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            value={totp}
            onChange={(event) => setTotp(event.target.value)}
            aria-invalid={errorCode(error) === 'totp_invalid' || undefined}
            aria-describedby={failed ? `${ids.totpHelp} ${ids.error}` : ids.totpHelp}
          />
          <p id={ids.totpHelp} className="help">
            {t('signIn.totpHelp')}
          </p>
        </>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </CardForm>
  );
}
