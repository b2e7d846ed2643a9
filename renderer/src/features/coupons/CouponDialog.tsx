import type { CartCoupon } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer } from '../../state/dialog-store';
import { useCartStore } from '../../state/cart-store';
import { Modal } from '../dialogs/Modal';
import { couponFailureKey, removeCoupon, reserveCoupon } from './coupon-actions';

const NONE: readonly CartCoupon[] = [];

/**
 * A coupon code typed or scanned: the host holds it for the cart (at the hub, or offline from the
 * till's block) before the dialog closes; a refusal is said here, in words. The coupons already
 * presented are listed, each with a button to give it back.
 */
export function CouponDialog() {
  const { t } = useTranslation();
  const held = useCartStore((s) => s.cart.coupons) ?? NONE;
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async () => {
    if (!code.trim()) return;
    setBusy(true);
    setError(null);
    try {
      answer({ kind: 'coupon', coupon: await reserveCoupon(code) });
    } catch (e) {
      setError(t(couponFailureKey(e), { defaultValue: t('coupons.refused.other') }));
    } finally {
      setBusy(false);
    }
  };

  const giveBack = async (presented: string) => {
    setError(null);
    try {
      await removeCoupon(presented);
    } catch (e) {
      setError(t(couponFailureKey(e), { defaultValue: t('coupons.refused.other') }));
    }
  };

  return (
    <Modal title={t('coupons.title')} onSubmit={() => void apply()} error={error} submitDisabled={busy}>
      <label>
        <span>{t('coupons.code')}</span>
        <input autoFocus autoComplete="off" spellCheck={false} maxLength={64} value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      {held.length > 0 && (
        <section aria-label={t('coupons.held')}>
          <h3>{t('coupons.held')}</h3>
          <ul>
            {held.map((c) => (
              <li key={c.code}>
                <span>{c.code}</span>{' '}
                <button type="button" onClick={() => void giveBack(c.code)}>
                  {t('coupons.remove', { code: c.code })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  );
}
