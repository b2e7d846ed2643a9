import { receiptNumber } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { ReceiptView } from './ReceiptView';
import { reprint } from './reprint';

/** After the sale: change to give back, print outcome, the receipt. The next scan starts a new sale. */
export function DonePanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const setPanel = useAppStore((s) => s.setPanel);
  const last = useCartStore((s) => s.lastSale);
  if (!last) return null;
  const sale = last.record.payload;
  const print = last.print;
  const printFailed = print !== 'printing' && print !== 'already-printed' && print.status === 'failed';
  const duplicateOnly = print === 'already-printed' && !last.reprinted;
  return (
    <div className="done-panel" role="region" aria-label={t('done.title')}>
      <h2>{t('done.title')}</h2>
      <p>{t('done.receipt', { number: receiptNumber(sale.tillId, last.record.seq) })}</p>
      {sale.change > 0 && (
        <p className="change-due" role="status">
          {t('done.changeDue')} <strong>{formatMoney(sale.change, sale.currency, locale)}</strong>
        </p>
      )}
      <p role="status" className={printFailed ? 'print-failed' : undefined}>
        {print === 'printing'
          ? t('done.printing')
          : print === 'already-printed'
            ? t('done.alreadyPrinted')
            : print.status === 'failed'
              ? t('done.printFailed', { message: print.message })
              : print.status === 'printed'
                ? t('done.printed')
                : t('done.sent')}
      </p>
      <div className="done-actions">
        {/* The original cannot print again: the DUPLICATA is the way to a paper copy, so it comes first. */}
        <button type="button" className={duplicateOnly ? 'primary' : undefined} onClick={() => void reprint(last.record.id)}>
          {t('done.reprint')}
        </button>
        <button type="button" className={duplicateOnly ? undefined : 'primary'} onClick={() => setPanel('search')}>
          {t('actions.newSale')}
        </button>
      </div>
      <ReceiptView record={last.record} {...(last.reprinted ? { duplicate: last.reprinted } : {})} />
    </div>
  );
}
