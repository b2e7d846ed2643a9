import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../state/error-notice';
import { services } from '../../state/services';

/**
 * The till's fiscal signing key, for a manager: its id (what the hub and an inspector know it by)
 * and its replacement (a suspected leak, the chain's policy). The host makes the new key, has the
 * old one endorse it in a sealed record, and signs with it from then on; asked twice, since a
 * replaced key is for good.
 */
export function SigningKeySection() {
  const { t } = useTranslation();
  const [keyId, setKeyId] = useState(() => services().hello.keyId);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [replaced, setReplaced] = useState(false);
  const rotate = () => {
    setBusy(true);
    services()
      .bridge.invoke('fiscal.rotateKey')
      .then((result) => {
        setKeyId(result.keyId);
        setReplaced(true);
      }, notifyError)
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };
  return (
    <section className="signing-key" aria-label={t('signingKey.title')}>
      <h3>{t('signingKey.title')}</h3>
      <p>{t('signingKey.current', { keyId })}</p>
      {replaced && <p role="status">{t('signingKey.replaced', { keyId })}</p>}
      {confirming ? (
        <>
          <p>{t('signingKey.warning')}</p>
          <button type="button" className="danger" disabled={busy} onClick={rotate}>
            {t('signingKey.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('actions.cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('signingKey.replace')}
        </button>
      )}
    </section>
  );
}
