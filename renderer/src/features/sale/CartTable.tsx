import { cartTotals, type CartLine } from '@pos/core';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKg, formatMoney, formatPercent } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { promotionName } from '../../state/cart-promotions';
import { cartActions, useCartStore } from '../../state/cart-store';
import { useRatesNow } from '../../state/use-rates-now';
import { staffName } from '../../state/services';
import { chooseSalesperson, removeSelectedLine, stepQuantity } from './line-actions';

type LineRowProps = {
  line: CartLine;
  net: number;
  /** What its promotions take off, one sentence each ("3 pour 2 : −10,00 €"), as one text so the row stays memoised. */
  promotions: string;
  selected: boolean;
  locale: string;
  currency: string;
};

/** Memoised on plain values: a scan re-renders the row it touched, not the whole cart. */
const LineRow = memo(function LineRow({ line, net, promotions, selected, locale, currency }: LineRowProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (!selected) return;
    // After the frame is drawn: scrolling forces a layout, which must not delay the new line.
    const frame = requestAnimationFrame(() => ref.current?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [selected]);
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const select = () => cartActions.select(line.lineId);
  const canStep = line.measure === 'unit' && line.labelAmount === undefined;
  return (
    <tr ref={ref} aria-selected={selected} className={selected ? 'selected' : undefined} onClick={select} data-line-id={line.lineId}>
      <td>
        <button type="button" className="line-name" onClick={select} aria-label={t('sale.select', { name: line.name })}>
          {line.name}
        </button>
        {line.discount && (
          <div className="line-note">
            {t('sale.lineDiscount', {
              value: line.discount.kind === 'percent' ? formatPercent(line.discount.bp, locale) : money(line.discount.amount),
            })}
          </div>
        )}
        {promotions !== '' &&
          promotions.split('\n').map((words, i) => (
            <div key={i} className="line-note line-promotion">
              {words}
            </div>
          ))}
        {line.priceOverride && <div className="line-note">{t('sale.priceOverridden', { reason: line.priceOverride.reason })}</div>}
        {line.labelAmount !== undefined && <div className="line-note">{t('sale.labelPrice')}</div>}
        {line.salespersonId && <div className="line-note">{t('sale.salesperson', { name: staffName(line.salespersonId) })}</div>}
        {selected && (
          <button
            type="button"
            className="line-action"
            aria-label={t('sale.chooseSalesperson', { name: line.name })}
            onClick={(e) => (e.stopPropagation(), void chooseSalesperson())}
          >
            {t('sale.salespersonAction')}
          </button>
        )}
      </td>
      <td className="qty">
        {canStep && (
          <button
            type="button"
            className="step"
            aria-label={t('sale.decrease', { name: line.name })}
            onClick={() => (select(), stepQuantity(-1))}
          >
            −
          </button>
        )}
        <span>{line.measure === 'weight' ? formatKg(line.quantity, locale) : line.quantity}</span>
        {canStep && (
          <button
            type="button"
            className="step"
            aria-label={t('sale.increase', { name: line.name })}
            onClick={() => (select(), stepQuantity(1))}
          >
            +
          </button>
        )}
      </td>
      <td className="num">
        {money(line.unitPrice)}
        {line.measure === 'weight' ? t('sale.perKg') : ''}
      </td>
      <td className="num">{money(net)}</td>
      <td>
        <button
          type="button"
          className="remove"
          aria-label={t('sale.remove', { name: line.name })}
          onClick={() => (select(), removeSelectedLine())}
        >
          ✕
        </button>
      </td>
    </tr>
  );
});

export function CartTable() {
  const { t } = useTranslation();
  const cart = useCartStore((s) => s.cart);
  const selectedLineId = useCartStore((s) => s.selectedLineId);
  const locale = intlLocale(useAppStore((s) => s.locale));
  const rates = useRatesNow();
  const totals = cartTotals(cart, rates);
  const promotions = new Map<string, string>();
  for (const p of cart.promotions ?? []) {
    const words = t('sale.promotion', { name: promotionName(p.sourceId), amount: formatMoney(-p.amount, cart.currency, locale) });
    const before = promotions.get(p.lineId);
    promotions.set(p.lineId, before === undefined ? words : `${before}\n${words}`);
  }
  if (cart.lines.length === 0) return <p className="empty-cart">{t('sale.emptyCart')}</p>;
  return (
    <table className="cart" aria-label={t('sale.cart')}>
      <thead>
        <tr>
          <th scope="col">{t('sale.product')}</th>
          <th scope="col">{t('sale.quantity')}</th>
          <th scope="col" className="num">
            {t('sale.unitPrice')}
          </th>
          <th scope="col" className="num">
            {t('sale.lineTotal')}
          </th>
          <th scope="col" aria-label={t('actions.removeLine')} />
        </tr>
      </thead>
      <tbody>
        {cart.lines.map((line, i) => (
          <LineRow
            key={line.lineId}
            line={line}
            net={totals.lines[i]?.net ?? 0}
            promotions={promotions.get(line.lineId) ?? ''}
            selected={line.lineId === selectedLineId}
            locale={locale}
            currency={cart.currency}
          />
        ))}
      </tbody>
    </table>
  );
}
