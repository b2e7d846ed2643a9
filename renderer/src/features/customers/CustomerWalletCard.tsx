import { PosError } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { services } from '../../state/services';
import { svgDataUrl, useQrSvg } from '../receipt/use-qr-svg';

type State =
  | { readonly state: 'loading' }
  | { readonly state: 'shown'; readonly url: string }
  | { readonly state: 'offline' }
  | { readonly state: 'failed' };

/**
 * The member's card for their phone: the hub's signed card page as a QR code the member scans (to
 * keep the card, or add it to Apple or Google Wallet where the chain offers them). Online only: the
 * link is signed by the hub; offline it says so, and the printed card works the same.
 */
export function CustomerWalletCard({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<State>({ state: 'loading' });
  const qr = useQrSvg(view.state === 'shown' ? view.url : null, 4);

  useEffect(() => {
    // An answer for a customer no longer shown (the dialog moved on) is dropped.
    let live = true;
    setView({ state: 'loading' });
    services()
      .bridge.invoke('customers.walletCard', { customerId })
      .then(
        ({ url }) => live && setView({ state: 'shown', url }),
        (e: unknown) => live && setView({ state: e instanceof PosError && e.code === 'HUB_UNREACHABLE' ? 'offline' : 'failed' }),
      );
    return () => {
      live = false;
    };
  }, [customerId]);

  return (
    <section aria-label={t('customers.wallet.title', { name })}>
      <h3>{t('customers.wallet.title', { name })}</h3>
      {view.state === 'loading' && <p role="status">{t('customers.wallet.loading')}</p>}
      {view.state === 'offline' && <p role="status">{t('customers.wallet.offline')}</p>}
      {view.state === 'failed' && <p role="alert">{t('customers.wallet.failed')}</p>}
      {view.state === 'shown' && (
        <figure>
          {qr && <img src={svgDataUrl(qr)} alt={t('customers.wallet.code')} width={200} height={200} />}
          <figcaption>{t('customers.wallet.scan')}</figcaption>
        </figure>
      )}
    </section>
  );
}
