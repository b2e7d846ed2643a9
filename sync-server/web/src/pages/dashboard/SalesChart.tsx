import type { DashboardRow } from '@pos/core/sync/head-office-api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BreakdownTable } from './BreakdownTable';
import { useNumbers } from './labels';

type Props = {
  /** What the bars are, in words: "jour", "heure"… */
  readonly by: string;
  readonly rows: readonly DashboardRow[];
  readonly label: (key: string) => string;
};

/**
 * Net sales with VAT as bars (recharts, SVG), described for screen readers (lowest and highest
 * bars), with the same figures as a table under it.
 */
export default function SalesChart({ by, rows, label }: Props) {
  const { t } = useTranslation();
  const n = useNumbers();
  const titleId = useId();
  const summaryId = useId();
  const data = rows.map((row) => ({ name: label(row.key), net: row.netIncl / 100 }));
  const sorted = [...rows].sort((a, b) => a.netIncl - b.netIncl);
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  return (
    <figure className="dashboard-chart" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption id={titleId}>{t('dashboard.chartOf', { by })}</figcaption>
      <p id={summaryId} className="visually-hidden">
        {low && high
          ? t('dashboard.chartSummary', {
              by,
              low: n.money(low.netIncl),
              lowKey: label(low.key),
              high: n.money(high.netIncl),
              highKey: label(high.key),
            })
          : t('dashboard.chartEmpty')}
      </p>
      {rows.length > 0 ? (
        <div aria-hidden="true" className="chart-box">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval="preserveStartEnd" />
              <YAxis tickFormatter={(v: number) => n.number(v)} width={64} />
              <Tooltip formatter={(v) => n.money(Math.round(Number(v) * 100))} />
              <Bar dataKey="net" fill="#1d5fa8" name={t('dashboard.column.netIncl')} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p>{t('dashboard.chartEmpty')}</p>
      )}
      <details>
        <summary>{t('dashboard.asTable')}</summary>
        <BreakdownTable caption={t('dashboard.tableOf', { by })} keyHeader={by} rows={rows} label={label} />
      </details>
    </figure>
  );
}
