import type { DashboardPeriod, DashboardTotals } from '@pos/core/sync/head-office-api';
import { useTranslation } from 'react-i18next';
import type { DashboardAnswer } from './dashboard-api';
import { useNumbers } from './labels';

const KPIS = ['netIncl', 'netExcl', 'tickets', 'averageBasket', 'itemsPerTicket', 'returns', 'returnsIncl', 'discounts'] as const;
type Kpi = (typeof KPIS)[number];
const MONEY: ReadonlySet<Kpi> = new Set(['netIncl', 'netExcl', 'averageBasket', 'returnsIncl', 'discounts']);

/** The change from `before` to `now` as a ratio, or null when there was nothing before. */
export function change(now: number, before: number): number | null {
  return before === 0 ? null : (now - before) / Math.abs(before);
}

function Comparison({
  kpi,
  totals,
  period,
  name,
}: {
  kpi: Kpi;
  totals: DashboardTotals;
  period: DashboardPeriod;
  name: 'vsPrevious' | 'vsLastYear';
}) {
  const { t } = useTranslation();
  const n = useNumbers();
  const ratio = change(totals[kpi], period[kpi]);
  const words = t(`dashboard.${name}`, { from: n.date(period.from), to: n.date(period.to) });
  const direction = ratio === null ? 'none' : ratio > 0 ? 'up' : ratio < 0 ? 'down' : 'same';
  const sentence = t(`dashboard.change.${direction}`, { percent: ratio === null ? '' : n.percent(Math.abs(ratio)), period: words });
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '';
  return (
    <p className={`kpi-change kpi-${direction}`}>
      <span aria-hidden="true">
        {t('dashboard.shortChange', {
          name: t(name === 'vsPrevious' ? 'dashboard.previousShort' : 'dashboard.lastYearShort'),
          arrow,
          percent: ratio === null ? '—' : n.percent(Math.abs(ratio)),
        })}
      </span>
      <span className="visually-hidden">{sentence}</span>
    </p>
  );
}

/** The key figures of the period, each with its change on the previous period and on the same period last year. */
export function KpiCards({ answer }: { readonly answer: DashboardAnswer }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <section aria-labelledby="dashboard-kpis">
      <h2 id="dashboard-kpis">{t('dashboard.kpis')}</h2>
      <ul className="kpi-cards">
        {KPIS.map((kpi) => (
          <li key={kpi} className="kpi-card">
            <h3>{t(`dashboard.kpi.${kpi}`)}</h3>
            <p className="kpi-value">{MONEY.has(kpi) ? n.money(answer.totals[kpi]) : n.number(answer.totals[kpi])}</p>
            <Comparison kpi={kpi} totals={answer.totals} period={answer.previous} name="vsPrevious" />
            <Comparison kpi={kpi} totals={answer.totals} period={answer.lastYear} name="vsLastYear" />
          </li>
        ))}
      </ul>
    </section>
  );
}
