import { returnCart, saleReceiptNumber } from '@pos/core';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKg, formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore } from '../../state/app-store';
import { takeScans } from '../../state/overlay-store';
import { totalsNow } from '../../state/rates-now';
import { Overlay } from '../dialogs/Overlay';
import { SupportWords } from '../errors/SupportWords';
import { closeReturns, findSale, otherReceipt } from './return-actions';
import { linesOf, stepQuantity, typeQuantity } from './return-lines';
import { useReturnStore, type ReturnState } from './return-store';
import { cardPaid, refundInCash, refundToCard } from './refund-return';
import { RefundBar } from './RefundBar';
import { refundAsStoreCredit } from '../gift-cards/store-credit-return';
import { FreeReturnView } from './FreeReturnView';
import './returns.css';
import { startWithoutReceipt } from './without-receipt';

function useMoney() {
  const locale = intlLocale(useAppStore((s) => s.locale));
  return { locale, money: (amount: number, currency: string) => formatMoney(amount, currency, locale) };
}

/** What the panel says: the sentence, each problem of a refusal, the host's words folded for support. */
function Say({ state }: { state: ReturnState }) {
  const { t } = useTranslation();
  const say = state.say;
  if (!say) return null;
  const working = say.key === 'returns.finding' || say.key === 'returns.sealing';
  return (
    <div className={working ? 'returns-say' : 'returns-say returns-refusal'} role={working ? 'status' : 'alert'}>
      <p>{t(say.key, say.values ?? {})}</p>
      {say.problems && say.problems.length > 0 && (
        <ul>
          {say.problems.map((p, i) => (
            <li key={i}>{t(p.key, p.values ?? {})}</li>
          ))}
        </ul>
      )}
      <SupportWords words={say.words} />
    </div>
  );
}

function FindReceipt({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const hint = useId();
  return (
    <form
      className="returns-find"
      onSubmit={(e) => {
        e.preventDefault();
        void findSale(code);
      }}
    >
      <label>
        {t('returns.codeLabel')}
        <input
          value={code}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint}
          onChange={(e) => setCode(e.target.value)}
          disabled={busy}
        />
      </label>
      <p id={hint} className="returns-hint">
        {t('returns.codeExample')}
      </p>
      <div className="modal-actions">
        <button type="button" onClick={() => void startWithoutReceipt()} disabled={busy}>
          {t('returns.withoutReceipt')}
        </button>
        <button type="submit" className="primary" disabled={busy || code.trim() === ''}>
          {t('returns.find')}
        </button>
      </div>
    </form>
  );
}

/** The amount the chosen lines pay back (nothing chosen, or a choice core refuses: 0). */
function refundOf(state: ReturnState): number {
  if (!state.found) return 0;
  try {
    const { cart } = returnCart(
      state.found.record.payload,
      state.found.receipt,
      state.found.returned,
      new Map(Object.entries(state.chosen)),
      {
        id: 'preview',
        startedAt: new Date().toISOString(),
      },
    );
    return totalsNow(cart).total;
  } catch {
    return 0;
  }
}

function ReturnLines({ state }: { state: ReturnState }) {
  const { t } = useTranslation();
  const dates = useStoreDates();
  const { locale } = useMoney();
  const first = useRef<HTMLButtonElement>(null);
  const found = state.found!;
  const sale = found.record.payload;
  const busy = state.busy || state.step === 'refunding';
  // The receipt's field is gone: the focus goes to the first line's "one more".
  useEffect(() => first.current?.focus(), [found.record.id]);
  const amount = (measure: 'unit' | 'weight', quantity: number) => (measure === 'weight' ? formatKg(quantity, locale) : String(quantity));
  const total = refundOf(state);
  return (
    <>
      <p className="returns-receipt">{t('returns.receipt', { receipt: found.receipt, date: dates.dateTime(sale.completedAt) })}</p>
      <div className="returns-table-wrap">
        <table className="returns-table">
          <thead>
            <tr>
              <th scope="col">{t('returns.product')}</th>
              <th scope="col">{t('returns.sold')}</th>
              <th scope="col">{t('returns.alreadyReturned')}</th>
              <th scope="col">{t('returns.left')}</th>
              <th scope="col">{t('returns.back')}</th>
            </tr>
          </thead>
          <tbody>
            {linesOf(found).map((line, i) => {
              const { lineId, name, measure } = line.line;
              const chosen = state.chosen[lineId] ?? 0;
              return (
                <tr key={lineId} data-chosen={chosen > 0 || undefined}>
                  <th scope="row">
                    {name}
                    {line.discounted && <span className="returns-tag"> · {t('returns.discountedShort')}</span>}
                  </th>
                  <td>{amount(measure, line.sold)}</td>
                  <td>{amount(measure, line.returned)}</td>
                  <td>{amount(measure, line.left)}</td>
                  <td className="returns-quantity">
                    <button
                      type="button"
                      aria-label={t('returns.less', { name })}
                      disabled={busy || chosen === 0}
                      onClick={() => stepQuantity(lineId, -1)}
                    >
                      −
                    </button>
                    {line.whole ? (
                      <output aria-label={t('returns.whole', { name })}>{amount(measure, chosen)}</output>
                    ) : (
                      <button
                        type="button"
                        className="returns-typed"
                        aria-label={t('returns.typeQuantity', { name, quantity: chosen })}
                        disabled={busy}
                        onClick={() => void typeQuantity(lineId)}
                      >
                        {chosen}
                      </button>
                    )}
                    <button
                      ref={i === 0 ? first : undefined}
                      type="button"
                      aria-label={t('returns.more', { name })}
                      disabled={busy}
                      onClick={() => stepQuantity(lineId, 1)}
                    >
                      +
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <RefundBar
        amount={total}
        currency={sale.currency}
        state={state}
        before={
          <button type="button" onClick={otherReceipt} disabled={busy}>
            {t('returns.otherReceipt')}
          </button>
        }
      >
        {cardPaid(found) > 0 && (
          <button type="button" onClick={() => void refundToCard()} disabled={busy || total === 0}>
            {t('returns.refundCard')}
          </button>
        )}
        <button type="button" onClick={() => void refundAsStoreCredit()} disabled={busy || total === 0}>
          {t('giftCards.storeCredit')}
        </button>
        <button type="button" className="primary" onClick={() => void refundInCash()} disabled={busy || total === 0}>
          {t('returns.refundCash')}
        </button>
      </RefundBar>
    </>
  );
}

function ReturnDone({ state }: { state: ReturnState }) {
  const { t } = useTranslation();
  const { money } = useMoney();
  const record = state.sealed!;
  const sale = record.payload;
  const cash = sale.tenders.some((tender) => tender.method === 'cash');
  const print = state.print;
  const drawerFailed = state.drawer === 'failed' || (typeof state.drawer === 'object' && state.drawer?.status === 'failed');
  return (
    <div className="returns-done" role="status">
      <p className="returns-done-title">{t('returns.done', { receipt: saleReceiptNumber(record) })}</p>
      <p className="returns-done-amount">
        {t(cash ? 'returns.giveCash' : 'returns.cardRefunded', { amount: money(sale.total, sale.currency) })}
      </p>
      {print === 'printing' && <p>{t('returns.printing')}</p>}
      {print && print !== 'printing' && <p>{t(print.status === 'failed' ? 'returns.notPrinted' : 'returns.printed')}</p>}
      {drawerFailed && <p>{t('returns.drawerNotOpened')}</p>}
    </div>
  );
}

/** The panel while open: scans read while it is the newest overlay go to its receipt's field. */
function ReturnsOverlay() {
  const { t } = useTranslation();
  const state = useReturnStore();
  const title = useId();
  // After the Overlay below pushed itself (children's layout effects run first): scans come here.
  useLayoutEffect(() => takeScans((code) => void findSale(code)), []);
  return (
    <Overlay labelledBy={title} className="returns-panel" onClose={closeReturns}>
      <h2 id={title}>{t('returns.title')}</h2>
      {state.step === 'find' && <FindReceipt busy={state.busy} />}
      {(state.step === 'lines' || (state.step === 'refunding' && !state.free)) && state.found && <ReturnLines state={state} />}
      {(state.step === 'free' || (state.step === 'refunding' && state.free)) && state.free && <FreeReturnView state={state} />}
      {state.step === 'done' && state.sealed && <ReturnDone state={state} />}
      <Say state={state} />
      <div className="modal-actions">
        <button type="button" onClick={closeReturns} disabled={state.step === 'refunding'}>
          {t('actions.close')}
        </button>
      </div>
    </Overlay>
  );
}

/** Returns in the store (F10, or Retour in the status bar): the receipt, the lines coming back, the refund. */
export function ReturnsPanel() {
  const open = useReturnStore((s) => s.open);
  return open ? <ReturnsOverlay /> : null;
}
