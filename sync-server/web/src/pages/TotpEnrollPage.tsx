import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeClient, TotpEnrollment } from '../api/office-client';
import { Field } from '../app/Field';
import { CardForm } from '../app/CardForm';
import { useErrorText } from '../app/use-error-text';
import { useQrDataUrl } from '../app/use-qr-svg';

/**
 * An administrator's second factor, required before anything else: the QR code (or the key typed
 * by hand) goes into an authenticator app, and one of its codes confirms it.
 */
export function TotpEnrollPage({ client, onEnrolled }: { client: OfficeClient; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const qr = useQrDataUrl(enrollment?.uri ?? null);

  useEffect(() => {
    let live = true;
    client.startTotp().then(
      (started) => live && setEnrollment(started),
      (refusal: unknown) => live && setError(refusal),
    );
    return () => {
      live = false;
    };
    // Once per visit: a new secret each time would invalidate the QR code being scanned.
  }, [client]);
  useEffect(() => {
    if (enrollment) codeRef.current?.focus();
  }, [enrollment]);

  async function submit() {
    setBusy(true);
    try {
      await client.confirmTotp(code.trim());
      onEnrolled();
    } catch (refusal) {
      setError(refusal);
      setCode('');
      setBusy(false);
      codeRef.current?.focus();
    }
  }

  return (
    <CardForm
      title={t('totp.title')}
      intro={t('totp.intro')}
      problem={error !== null ? errorText(error) : null}
      onSubmit={() => void submit()}
    >
      {enrollment && (
        <>
          {qr && <img className="qr" src={qr} alt={t('totp.qr')} width={200} height={200} />}
          <p>
            {t('totp.key')} <code className="secret">{enrollment.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code>
          </p>
          <Field
            label={t('totp.code')}
            inputRef={codeRef}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {t('totp.submit')}
          </button>
        </>
      )}
    </CardForm>
  );
}
