import { parseAmount, type VoucherCardView } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { answer } from '../../state/dialog-store';
import { services } from '../../state/services';
import { Modal } from '../dialogs/Modal';
import { giftCardFailure, voucherLine } from './gift-card-actions';

/** At most this much on one card from the till (head office may set cards up otherwise). */
const MAX_CARD_AMOUNT = 150_000;

/**
 * Sell a new gift card, or reload one by its code: online only (the hub makes the code after the
 * seal; a reload is checked now). Offline the dialog says so and sells nothing.
 */
export function GiftCardDialog() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [mode, setMode] = useState<'sell' | 'reload'>('sell');
  const [ready, setReady] = useState<'checking' | 'online' | 'offline'>('checking');
  const [amount, setAmount] = useState('');
  const [code, setCode] = useState('');
  const [card, setCard] = useState<VoucherCardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    services()
      .bridge.invoke('vouchers.ready')
      .then(
        () => live && setReady('online'),
        (e: unknown) => {
          if (!live) return;
          setReady('offline');
          setError(t(giftCardFailure(e).key));
        },
      );
    return () => {
      live = false;
    };
  }, [t]);

  const money = (minor: number) => formatMoney(minor, services().profile.currency, locale);

  const lookUp = async () => {
    setBusy(true);
    setError(null);
    try {
      const found = await services().bridge.invoke('vouchers.lookup', { code });
      if (found.kind !== 'gift_card' || found.status !== 'active') {
        setCard(null);
        setError(t(found.status === 'active' ? 'giftCards.notGiftCard' : `giftCards.status.${found.status}`));
      } else setCard(found);
    } catch (e) {
      setCard(null);
      setError(t(giftCardFailure(e).key, { defaultValue: t('giftCards.refused.other') }));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (ready !== 'online') return;
    if (mode === 'reload' && !card) return void lookUp();
    const minor = parseAmount(amount);
    if (minor === null || minor < 1 || minor > MAX_CARD_AMOUNT)
      return setError(t('giftCards.amountRange', { max: money(MAX_CARD_AMOUNT) }));
    answer({ kind: 'voucher', voucher: voucherLine(minor, mode === 'reload' ? card!.cardId : undefined) });
  };

  return (
    <Modal title={t('giftCards.title')} onSubmit={submit} error={error} submitDisabled={ready !== 'online' || busy}>
      <div role="radiogroup" aria-label={t('giftCards.title')} className="gift-card-mode">
        {(['sell', 'reload'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="gift-card-mode"
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setCard(null);
                setError(null);
              }}
            />
            {t(`giftCards.${m}`)}
          </label>
        ))}
      </div>
      {ready === 'checking' && <p>{t('giftCards.checking')}</p>}
      {mode === 'reload' && (
        <label>
          {t('giftCards.code')}
          <input
            value={code}
            maxLength={40}
            autoComplete="off"
            onChange={(e) => {
              setCode(e.target.value);
              setCard(null);
            }}
          />
        </label>
      )}
      {card && <p>{t('giftCards.balance', { masked: card.maskedCode, amount: money(card.available) })}</p>}
      {(mode === 'sell' || card) && (
        <label>
          {t('giftCards.amount')}
          <input inputMode="decimal" value={amount} autoFocus onChange={(e) => setAmount(e.target.value)} />
        </label>
      )}
    </Modal>
  );
}
