import type { DiscountReward } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer } from '../../state/dialog-store';
import { useCartStore } from '../../state/cart-store';
import { Modal } from '../dialogs/Modal';
import { removeReward, reserveReward, rewardFailure, rewardOffer, type RewardOffer } from './reward-actions';

type Loaded = { readonly state: 'checking' } | { readonly state: 'ready'; readonly offer: RewardOffer };

/**
 * Use points: the member's points read at the hub through the host (online only, refused in words
 * offline), the rewards they can afford; the one chosen is reserved by the host before the dialog
 * answers. A reward already on the cart is shown with a button that gives its points back.
 */
export function RewardDialog() {
  const { t } = useTranslation();
  const customerId = useCartStore((s) => s.cart.customer?.id);
  const current = useCartStore((s) => s.cart.reward);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'checking' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    if (!customerId) {
      setError(t('rewards.noMember'));
      return;
    }
    rewardOffer(customerId).then(
      (offer) => live && setLoaded({ state: 'ready', offer }),
      (e: unknown) => {
        const failure = rewardFailure(e);
        if (live) setError(t(failure.key, failure.values));
      },
    );
    return () => {
      live = false;
    };
  }, [customerId, t]);

  const choose = async (reward: DiscountReward) => {
    if (loaded.state !== 'ready') return;
    setBusy(true);
    setError(null);
    try {
      answer({ kind: 'reward', reward: await reserveReward(loaded.offer.program, reward), name: reward.name });
    } catch (e) {
      const failure = rewardFailure(e);
      setError(t(failure.key, failure.values));
    } finally {
      setBusy(false);
    }
  };

  const giveBack = async () => {
    setError(null);
    try {
      await removeReward();
      answer(null);
    } catch (e) {
      const failure = rewardFailure(e);
      setError(t(failure.key, failure.values));
    }
  };

  const currentName =
    current && loaded.state === 'ready'
      ? (loaded.offer.program.rewards.find((r) => r.id === current.rewardId)?.name ?? current.rewardId)
      : current?.rewardId;
  return (
    <Modal title={t('rewards.title')} onSubmit={() => answer(null)} error={error} submitDisabled={busy}>
      {current && (
        <p>
          {t('rewards.current', { name: currentName, points: current.points })}{' '}
          <button type="button" onClick={() => void giveBack()}>
            {t('rewards.remove')}
          </button>
        </p>
      )}
      {loaded.state === 'checking' && !error && <p>{t('rewards.checking')}</p>}
      {loaded.state === 'ready' && (
        <section aria-label={t('rewards.balance', { points: loaded.offer.available })}>
          <p>{t('rewards.balance', { points: loaded.offer.available })}</p>
          {loaded.offer.rewards.length === 0 ? (
            <p>{t('rewards.none')}</p>
          ) : (
            <ul>
              {loaded.offer.rewards.map((r) => (
                <li key={r.id}>
                  <button type="button" disabled={busy} onClick={() => void choose(r)}>
                    {t('rewards.choose', { name: r.name, cost: r.cost })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Modal>
  );
}
