import { useTranslation } from 'react-i18next';
import { useFormat } from '../closings/format';
import type { SaleDetail } from './sales-api';
import { SaleStatusBadge } from './SaleStatusBadge';
import type { StoreTime } from './store-time';

type Props = {
  readonly sale: SaleDetail;
  /** The store's clock: the sale's time as the store read it. */
  readonly time: StoreTime;
  readonly onOpen: (saleId: string) => void;
  readonly onClose: () => void;
};

/** The receipt as the till prints it: core's layout line by line, monospace, large lines double size. */
function PrintedReceipt({ receipt }: { readonly receipt: NonNullable<SaleDetail['receiptText']> }) {
  return (
    // Focusable: a receipt wider than the screen scrolls sideways from the keyboard too.
    <pre className="printed-receipt" tabIndex={0}>
      {receipt.lines.map((line, i) =>
        line.kind === 'rule' ? (
          <span key={i}>{`${'-'.repeat(receipt.width)}\n`}</span>
        ) : line.kind === 'text' ? (
          <span key={i} className={[line.bold ? 'bold' : '', line.large ? 'large' : ''].join(' ').trim() || undefined}>
            {`${line.text ?? ''}\n`}
          </span>
        ) : (
          <span key={i}>{`[QR ${line.value ?? ''}]\n`}</span>
        ),
      )}
    </pre>
  );
}

/** One sale: its figures, its receipt as printed, its returns (or its original) and its fiscal status. */
export function SaleDetailView({ sale, time, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (cents: number | null) => (cents === null ? '—' : format.money(cents, sale.currency));
  const rate = (bp: number) => `${format.number(bp / 100)} %`;
  const link = (l: { saleId: string; receipt: string }) => (
    <button type="button" className="link" onClick={() => onOpen(l.saleId)}>
      {l.receipt || l.saleId}
    </button>
  );
  return (
    <article className="sale-detail" aria-labelledby="sale-title">
      <h3 id="sale-title">{t('sales.detailTitle', { kind: t(`sales.kinds.${sale.kind}`), receipt: sale.receipt })}</h3>
      <p>
        <button type="button" onClick={onClose}>
          {t('sales.back')}
        </button>
      </p>
      <p>
        {time.zone ? t('sales.atZone', { time: time.dateTime(sale.completedAt), zone: time.zone }) : time.dateTime(sale.completedAt)} ·{' '}
        {t('sales.till')} {sale.tillId} · {t('sales.soldBy', { name: sale.cashierName ?? sale.staffId })}
        {sale.businessDate ? ` · ${t('sales.businessDate', { date: sale.businessDate })}` : ''}
      </p>
      <section aria-labelledby="sale-fiscal">
        <h4 id="sale-fiscal">{t('sales.fiscal')}</h4>
        <p>
          <SaleStatusBadge status={sale.fiscal.status} />{' '}
          {sale.fiscal.journal === null
            ? t('sales.fiscalPending', { seq: sale.fiscal.seq, verified: sale.fiscal.verifiedSeq })
            : t('sales.fiscalPlace', { seq: sale.fiscal.seq, journal: sale.fiscal.journal, verified: sale.fiscal.verifiedSeq })}
        </p>
        {sale.fiscal.breaks.length > 0 ? (
          <>
            <h5>{t('sales.breaks')}</h5>
            <ul>
              {sale.fiscal.breaks.map((b, i) => (
                <li key={i}>{t(`closings.codes.${b.code}`, { defaultValue: b.code })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <div className="sale-columns">
        <section aria-labelledby="sale-printed">
          <h4 id="sale-printed">{t('sales.printed')}</h4>
          {sale.receiptText ? <PrintedReceipt receipt={sale.receiptText} /> : <p>{t('sales.noReceipt')}</p>}
        </section>
        <div>
          <div className="table-scroll">
            <table>
              <caption>{t('sales.lines')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sales.product')}</th>
                  <th scope="col">{t('sales.quantity')}</th>
                  <th scope="col">{t('sales.unitPrice')}</th>
                  <th scope="col">{t('sales.discount')}</th>
                  <th scope="col">{t('sales.vatRate')}</th>
                  <th scope="col">{t('sales.net')}</th>
                </tr>
              </thead>
              <tbody>
                {sale.lines.map((line) => (
                  <tr key={line.lineId}>
                    <th scope="row">{line.name || line.productId}</th>
                    <td className="number">
                      {line.measure === 'weight' ? `${format.number(line.quantity)} g` : format.number(line.quantity)}
                    </td>
                    <td className="number">{money(line.unitPrice)}</td>
                    <td className="number">{line.lineDiscount ? money(-line.lineDiscount) : '—'}</td>
                    <td className="number">{rate(line.rateBp)}</td>
                    <td className="number">{money(line.net)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table>
            <caption>{t('sales.payments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sales.method')}</th>
                <th scope="col">{t('sales.amount')}</th>
                <th scope="col">{t('sales.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {sale.tenders.map((tender, i) => (
                <tr key={i}>
                  <th scope="row">
                    {t(`sales.tenders.${tender.method}`, { defaultValue: tender.method })}
                    {tender.maskedPan ? ` ${tender.maskedPan}` : ''}
                  </th>
                  <td className="number">{money(tender.amount)}</td>
                  <td>{tender.status ? t(`sales.outcomes.${tender.status}`, { defaultValue: tender.status }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t('sales.vat')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sales.vatRate')}</th>
                <th scope="col">{t('sales.base')}</th>
                <th scope="col">{t('sales.vatAmount')}</th>
                <th scope="col">{t('sales.inclusive')}</th>
              </tr>
            </thead>
            <tbody>
              {sale.vat.map((row) => (
                <tr key={`${row.code}-${row.rateBp}`}>
                  <th scope="row">{`${row.code} ${rate(row.rateBp)}`}</th>
                  <td className="number">{money(row.base)}</td>
                  <td className="number">{money(row.vat)}</td>
                  <td className="number">{money(row.inclusive)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {sale.original ? (
            <section aria-labelledby="sale-original">
              <h4 id="sale-original">{t('sales.original')}</h4>
              <p>
                {link(sale.original)} {sale.original.completedAt ? money(sale.original.total) : `(${t('sales.notHeld')})`}
              </p>
            </section>
          ) : null}
          {sale.kind === 'sale' ? (
            <section aria-labelledby="sale-returns">
              <h4 id="sale-returns">{t('sales.returns')}</h4>
              {sale.returns.length === 0 ? (
                <p>{t('sales.noReturns')}</p>
              ) : (
                <ul>
                  {sale.returns.map((r) => (
                    <li key={r.saleId}>
                      {link(r)} {r.completedAt ? time.dateTime(r.completedAt) : ''} {money(r.total)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}
