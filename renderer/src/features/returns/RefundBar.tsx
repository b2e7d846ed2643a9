import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { sealPending } from './refund-return';
import type { ReturnState } from './return-store';

/**
 * What the goods chosen pay back, and the ways to pay it (`children`: the refund buttons); a
 * return built and refused, or whose reply was lost, offers only to record the same one again.
 */
export function RefundBar({
  amount,
  currency,
  state,
  before,
  children,
}: {
  amount: number;
  currency: string;
  state: ReturnState;
  before?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const busy = state.busy || state.step === 'refunding';
  return (
    <>
      <dl className="returns-total">
        <dt>{t('returns.total')}</dt>
        <dd>{formatMoney(amount, currency, locale)}</dd>
      </dl>
      <div className="modal-actions">
        {before}
        {state.pending ? (
          <button type="button" className="primary" onClick={() => void sealPending()} disabled={busy}>
            {t('returns.retry')}
          </button>
        ) : (
          children
        )}
      </div>
    </>
  );
}
