import { saleReceiptNumber } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useCartStore, type LastSale } from '../../state/cart-store';
import { printReceipt } from './after-sale';
import { DrawerStatus } from './DrawerStatus';
import { ReceiptChoice } from './ReceiptChoice';
import { ReceiptView } from './ReceiptView';
import { reprint } from './reprint';
import './done-panel.css';

/** The print line of the done panel, in the cashier's words; null when nothing was asked of the printer. */
function printMessage(last: LastSale): string | null {
  const print = last.print;
  if (print === 'not-printed') return last.receipt === 'none' ? 'doneReceipt.notPrinted' : null;
  if (print === 'printing') return 'done.printing';
  if (print === 'already-printed') return 'done.alreadyPrinted';
  if (print.status === 'failed') return `doneReceipt.printFailed.${print.reason}`;
  return print.status === 'printed' ? 'done.printed' : 'done.sent';
}

/** After the sale: change to give back, the drawer, the receipt the customer wants, the receipt. The next scan starts a new sale. */
export function DonePanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const setPanel = useAppStore((s) => s.setPanel);
  const last = useCartStore((s) => s.lastSale);
  if (!last) return null;
  const sale = last.record.payload;
  const print = last.print;
  const printFailed = typeof print === 'object' && print.status === 'failed';
  const message = printMessage(last);
  // No paper yet and the question answered: the customer may still ask for it.
  const paperLater = print === 'not-printed' && last.receipt !== 'pending';
  const duplicateOnly = print === 'already-printed' && !last.reprinted;
  return (
    <div className="done-panel" role="region" aria-label={t('done.title')}>
      <h2>{t('done.title')}</h2>
      <p>{t('done.receipt', { number: saleReceiptNumber(last.record) })}</p>
      {sale.change > 0 && (
        <p className="change-due" role="status">
          {t('done.changeDue')} <strong>{formatMoney(sale.change, sale.currency, locale)}</strong>
        </p>
      )}
      <DrawerStatus saleId={last.record.id} drawer={last.drawer} />
      {last.serviceNote && <p className="service-note">{t('doneReceipt.serviceNote')}</p>}
      <ReceiptChoice record={last.record} choice={last.receipt} />
      {message && (
        <p role="status" className={printFailed ? 'print-failed' : undefined}>
          {t(message)}
        </p>
      )}
      <div className="done-actions">
        {paperLater && (
          <button type="button" onClick={() => void printReceipt(last.record.id)}>
            {t('doneReceipt.printNow')}
          </button>
        )}
        {/* The original cannot print again: the DUPLICATA is the way to a paper copy, so it comes first. */}
        {print !== 'not-printed' && (
          <button type="button" className={duplicateOnly ? 'primary' : undefined} onClick={() => void reprint(last.record.id)}>
            {t('done.reprint')}
          </button>
        )}
        <button type="button" className={duplicateOnly ? undefined : 'primary'} onClick={() => setPanel('search')}>
          {t('actions.newSale')}
        </button>
      </div>
      <ReceiptView record={last.record} {...(last.reprinted ? { duplicate: last.reprinted } : {})} />
    </div>
  );
}
