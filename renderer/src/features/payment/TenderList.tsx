import type { CardTender, Tender } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { cardPrompt, useCardProgress } from './card-progress';
import { CardWorking } from './CardWorking';
import { askTerminal, removeTender, settleManually } from './payment-actions';

type Money = (amount: number) => string;

function RemoveButton({ tenderId }: { tenderId: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="remove-tender" aria-label={t('payment.removeTender')} onClick={() => removeTender(tenderId)}>
      ✕
    </button>
  );
}

/** An outcome nobody knows: the terminal answered "unknown" or timed out. Now a person may settle it. */
function UnknownCard({ tender }: { tender: CardTender }) {
  const { t } = useTranslation();
  return (
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
  );
}

function CardRow({ tender, money }: { tender: CardTender; money: Money }) {
  const { t } = useTranslation();
  const prompt = useCardProgress((s) => cardPrompt(s, tender.attemptKey));
  const waitMs = useCardProgress((s) => s.waits[tender.attemptKey]);
  // "Unknown" while the terminal works would invite a decline the terminal may still contradict.
  const working = tender.status === 'unknown' && prompt !== null;
  return (
    <li className={`tender tender-${working ? 'working' : tender.status}`}>
      <span>
        {t('payment.card')} {tender.maskedPan ?? ''} — {working ? t('cardTerminal.inProgress') : t(`payment.${tender.status}`)}
        {tender.offline && ` (${t('payment.offlineApproval')})`}
      </span>
      <span>{money(tender.amount)}</span>
      {tender.status === 'declined' && <RemoveButton tenderId={tender.id} />}
      {working && <CardWorking prompt={prompt} {...(waitMs !== undefined ? { waitMs } : {})} />}
      {tender.status === 'unknown' && !working && <UnknownCard tender={tender} />}
    </li>
  );
}

export function TenderList({ tenders, currency, locale }: { tenders: readonly Tender[]; currency: string; locale: string }) {
  const { t } = useTranslation();
  if (tenders.length === 0) return null;
  const money: Money = (amount) => formatMoney(amount, currency, locale);
  return (
    <ul className="tenders" aria-label={t('payment.tenders')}>
      {tenders.map((tender) =>
        tender.method === 'cash' ? (
          <li key={tender.id} className="tender tender-cash">
            <span>{t('payment.cash')}</span>
            <span>{money(tender.tendered)}</span>
            <RemoveButton tenderId={tender.id} />
          </li>
        ) : tender.method === 'card' ? (
          <CardRow key={tender.id} tender={tender} money={money} />
        ) : (
          <li key={tender.id} className="tender tender-stored-value">
            <span>
              {t(`payment.${tender.method === 'gift_card' ? 'giftCard' : 'storeCredit'}`)} {tender.maskedCode}
            </span>
            <span>{money(tender.amount)}</span>
            <RemoveButton tenderId={tender.id} />
          </li>
        ),
      )}
    </ul>
  );
}
