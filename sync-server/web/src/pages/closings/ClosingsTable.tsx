import { useTranslation } from 'react-i18next';
import type { ClosingKind, ClosingSummary } from './closings-api';
import { useFormat } from './format';
import { StatusBadge } from './StatusBadge';

type Props = {
  readonly kind: ClosingKind;
  readonly closings: readonly ClosingSummary[];
  readonly onOpen: (closing: ClosingSummary) => void;
};

/** One kind of closing per till and date, its key figures as sealed, its status and, when not a match, the figures that differ. */
export function ClosingsTable({ kind, closings, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = closings.filter((c) => c.kind === kind);
  // What is wrong, in the hub's terms: the figures that differ, the records still awaited, or why it could not be read.
  const why = (c: ClosingSummary) =>
    [
      ...c.differences.map((d) => d.figure),
      ...c.missing.map((m) =>
        m.to === null
          ? t('closings.missingFrom', {
              chain: t(`closings.chains.names.${m.chain}`, { defaultValue: m.chain }),
              from: format.number(m.from),
            })
          : t('closings.missingRange', {
              chain: t(`closings.chains.names.${m.chain}`, { defaultValue: m.chain }),
              from: format.number(m.from),
              to: format.number(m.to),
            }),
      ),
      ...(c.problem ? [c.problem] : []),
    ].join(' ; ');
  if (rows.length === 0) return <p>{t('closings.empty')}</p>;
  return (
    <table>
      <caption>{t(`closings.kinds.${kind}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('closings.till')}</th>
          <th scope="col">{t('closings.date')}</th>
          <th scope="col">{t('closings.seq')}</th>
          <th scope="col">{t('closings.sealedAt')}</th>
          <th scope="col">{t('closings.netSales')}</th>
          <th scope="col">{t('closings.tickets')}</th>
          {kind === 'z' ? <th scope="col">{t('closings.cashVariance')}</th> : null}
          <th scope="col">{t('closings.statusLabel')}</th>
          <th scope="col">{t('closings.differences')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={`${c.tillId}-${c.seq}`}>
            <th scope="row">{c.tillId}</th>
            <td>{c.businessDate ?? '—'}</td>
            <td>
              <button type="button" className="link" onClick={() => onOpen(c)}>
                {t('closings.open', { seq: format.number(c.seq) })}
              </button>
            </td>
            <td>{format.dateTime(c.sealedAt)}</td>
            <td>{format.money(c.totals.net, c.totals.currency ?? undefined)}</td>
            <td>{format.number(c.totals.tickets)}</td>
            {kind === 'z' ? <td>{format.money(c.totals.cashVariance, c.totals.currency ?? undefined)}</td> : null}
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>{c.status === 'match' ? '' : why(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
