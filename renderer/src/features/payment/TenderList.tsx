import type { Tender } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { askTerminal, removeTender, settleManually } from './payment-actions';

export function TenderList({ tenders, currency, locale }: { tenders: readonly Tender[]; currency: string; locale: string }) {
  const { t } = useTranslation();
  if (tenders.length === 0) return null;
  const money = (amount: number) => formatMoney(amount, currency, locale);
  return (
    <ul className="tenders" aria-label={t('payment.tenders')}>
      {tenders.map((tender) => (
        <li key={tender.id} className={`tender tender-${tender.method === 'card' ? tender.status : 'cash'}`}>
          {tender.method === 'cash' ? (
            <>
              <span>{t('payment.cash')}</span>
              <span>{money(tender.tendered)}</span>
              <button type="button" aria-label={t('payment.removeTender')} onClick={() => removeTender(tender.id)}>
                ✕
              </button>
            </>
          ) : (
            <>
              <span>
                {t('payment.card')} {tender.maskedPan ?? ''} — {t(`payment.${tender.status}`)}
                {tender.offline && ` (${t('payment.offlineApproval')})`}
              </span>
              <span>{money(tender.amount)}</span>
              {tender.status === 'declined' && (
                <button type="button" aria-label={t('payment.removeTender')} onClick={() => removeTender(tender.id)}>
                  ✕
                </button>
              )}
              {tender.status === 'unknown' && (
                <div className="unknown-card" role="alert">
                  <p>{t('payment.unknownHelp')}</p>
                  <button type="button" onClick={() => void askTerminal(tender.id)}>
                    {t('payment.askTerminal')}
                  </button>
                  <button type="button" onClick={() => void settleManually(tender.id, 'approved')}>
                    {t('payment.terminalSaysApproved')}
                  </button>
                  <button type="button" onClick={() => void settleManually(tender.id, 'declined')}>
                    {t('payment.terminalSaysDeclined')}
                  </button>
                </div>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
