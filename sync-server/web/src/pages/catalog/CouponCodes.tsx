import { COUPON_LIMITS } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopedErrorText } from '../../app/use-scoped-error-text';

export type CouponCodesApi = {
  generateCouponCodes(
    promotionId: string,
    batchId: string,
    count: number,
  ): Promise<{ readonly batchId: string; readonly codes: readonly string[] }>;
};

/** Where the hub serves a promotion's codes as CSV (a batch of them when named): the session's cookie reads it. */
export function couponCodesCsvUrl(promotionId: string, batchId?: string): string {
  const query = batchId === undefined ? '' : `?batchId=${encodeURIComponent(batchId)}`;
  return `/api/v1/admin/promotions/${encodeURIComponent(promotionId)}/coupon-codes${query}`;
}

/**
 * A promotion whose coupon is single-use: head office generates a batch of codes (each good for
 * one sale, made by the hub from its cryptographic generator) and exports them as CSV to print or
 * send. A batch asked twice (a double click, a retry) is the same batch: its id is made here once.
 */
export function CouponCodes({ api, promotionId }: { api: CouponCodesApi; promotionId: string }) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('promotions');
  const [count, setCount] = useState('100');
  const [batchId, setBatchId] = useState(() => `batch-${crypto.randomUUID()}`);
  const [made, setMade] = useState<{ batchId: string; count: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > COUPON_LIMITS.maxBatch) {
      return setProblem(t('promotions.coupons.countRange', { max: COUPON_LIMITS.maxBatch }));
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api.generateCouponCodes(promotionId, batchId, n);
      setMade({ batchId: answer.batchId, count: answer.codes.length });
      // The next batch is another one.
      setBatchId(`batch-${crypto.randomUUID()}`);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('promotions.coupons.title')}>
      <h3>{t('promotions.coupons.title')}</h3>
      <p className="note">{t('promotions.coupons.help')}</p>
      <label>
        <span>{t('promotions.coupons.count')}</span>
        <input inputMode="numeric" maxLength={5} value={count} onChange={(e) => setCount(e.target.value)} />
      </label>{' '}
      <button type="button" disabled={busy} onClick={() => void generate()}>
        {t('promotions.coupons.generate')}
      </button>{' '}
      <a href={couponCodesCsvUrl(promotionId)} download>
        {t('promotions.coupons.exportAll')}
      </a>
      {made && (
        <p role="status">
          {t('promotions.coupons.generated', { count: made.count })}{' '}
          <a href={couponCodesCsvUrl(promotionId, made.batchId)} download>
            {t('promotions.coupons.exportBatch')}
          </a>
        </p>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
    </section>
  );
}
