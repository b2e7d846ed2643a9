import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { figureValues, obj, type ClosingDetail, type Json } from './closings-api';
import { useFormat } from './format';
import { StatusBadge } from './StatusBadge';

/** The sealed payload: the record's `payload` when it wraps one, else the record itself. */
function payloadOf(record: unknown): Json {
  const o = obj(record);
  return 'payload' in o ? obj(o.payload) : o;
}

/** One closing: its key figures, then every figure as sealed beside the hub's recomputation. */
export function ClosingDetailView({ detail, onClose }: { readonly detail: ClosingDetail; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [detail]);
  const sealed = payloadOf(detail.record);
  const figures = obj(sealed.figures);
  const currency = typeof sealed.currency === 'string' ? sealed.currency : typeof figures.currency === 'string' ? figures.currency : 'EUR';
  const total = obj(sealed.total ?? obj(figures.totals).total).net;
  const tenders = Array.isArray(figures.tenders) ? figures.tenders.map(obj) : [];
  const variance = tenders.find((tender) => tender.method === 'cash')?.variance;
  const sealedFigures = figureValues(sealed);
  const recomputedFigures = figureValues(detail.recomputed);
  const differing = new Set(detail.differences.map((d) => d.figure));
  const names = [...new Set([...sealedFigures.keys(), ...recomputedFigures.keys()])];
  return (
    <section aria-labelledby="closing-detail">
      <h3 id="closing-detail" ref={heading} tabIndex={-1}>
        {t('closings.detailTitle', { till: detail.tillId, seq: detail.seq })}
      </h3>
      <dl className="figures">
        <dt>{t('closings.statusLabel')}</dt>
        <dd>
          <StatusBadge status={detail.status} />
        </dd>
        {typeof sealed.zNumber === 'number' ? (
          <>
            <dt>{t('closings.zNumber')}</dt>
            <dd>{format.number(sealed.zNumber)}</dd>
          </>
        ) : null}
        <dt>{t('closings.netTotal')}</dt>
        <dd>{format.money(total, currency)}</dd>
        {variance !== undefined ? (
          <>
            <dt>{t('closings.cashVariance')}</dt>
            <dd>{format.money(variance, currency)}</dd>
          </>
        ) : null}
        <dt>{t('closings.grandTotal')}</dt>
        <dd>{format.money(sealed.perpetualGrandTotal, currency)}</dd>
        <dt>{t('closings.grandTotalAbsolute')}</dt>
        <dd>{format.money(sealed.perpetualGrandTotalAbsolute, currency)}</dd>
      </dl>
      {detail.problem ? <p role="note">{detail.problem}</p> : null}
      <table>
        <caption>{t('closings.sideBySide')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('closings.figure')}</th>
            <th scope="col">{t('closings.sealed')}</th>
            <th scope="col">{t('closings.recomputed')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name} className={differing.has(name) ? 'differs' : undefined}>
              <th scope="row">
                {name}
                {differing.has(name) ? ` (${t('closings.differs')})` : ''}
              </th>
              <td>{format.figure(sealedFigures.get(name))}</td>
              <td>{format.figure(recomputedFigures.get(name))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t('closings.back')}
      </button>
    </section>
  );
}
