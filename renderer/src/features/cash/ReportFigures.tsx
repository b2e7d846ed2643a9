import type { PersonTotals, SessionXReport, Split } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { staffName } from '../../state/services';
import { FigureTable, type FigureRow } from './FigureTable';

function useMoney(currency: string): (amount: number) => string {
  const locale = intlLocale(useAppStore((s) => s.locale));
  return (amount) => formatMoney(amount, currency, locale);
}

/** Sales, returns and net of one person or tender, as cells. */
const splitCells = (split: Split, money: (amount: number) => string) => [money(split.sales), money(split.returns), money(split.net)];

const people = (list: readonly PersonTotals[], money: (amount: number) => string): FigureRow[] =>
  list.map((p) => ({ key: p.staffId, head: staffName(p.staffId), cells: splitCells(p.amount, money) }));

/** The figures an X report shows (and a Z with them): totals, by tender, by VAT rate, by person, the cash the drawer should hold. */
export function ReportFigures({ report }: { report: Omit<SessionXReport, 'movements'> }) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const money = useMoney(report.currency);
  const { totals, cash } = report;
  const tender = (method: string) => t(`cash.tenders.${method}`, { defaultValue: method });
  const splitColumns = [t('cash.report.sales'), t('cash.report.returns'), t('cash.report.net')];
  return (
    <div className="cash-report">
      <dl className="cash-figures" aria-label={t('cash.report.totals')}>
        <dt>{t('cash.report.tickets')}</dt>
        <dd>{t('cash.report.ticketCounts', { sales: totals.salesCount, returns: totals.returnsCount })}</dd>
        <dt>{t('cash.report.salesTotal')}</dt>
        <dd>{money(totals.total.sales)}</dd>
        <dt>{t('cash.report.returnsTotal')}</dt>
        <dd>{money(totals.total.returns)}</dd>
        <dt>{t('cash.report.netTotal')}</dt>
        <dd>
          <strong>{money(totals.total.net)}</strong>
        </dd>
        <dt>{t('cash.report.discounts')}</dt>
        <dd>{money(totals.discounts.net)}</dd>
        <dt>{t('cash.report.voids')}</dt>
        <dd>{t('cash.report.voidCount', { count: totals.voids.count, amount: money(totals.voids.amount) })}</dd>
      </dl>
      <FigureTable
        caption={t('cash.report.byTender')}
        columns={[t('cash.report.tender'), ...splitColumns]}
        rows={totals.byTender.map((r) => ({ key: r.method, head: tender(r.method), cells: splitCells(r.amount, money) }))}
      />
      <FigureTable
        caption={t('cash.report.byVat')}
        columns={[t('cash.report.rate'), t('cash.report.base'), t('cash.report.vat'), t('cash.report.inclusive')]}
        rows={totals.byVat.map((r) => ({
          key: String(r.rateBp),
          head: formatPercent(r.rateBp, locale),
          cells: [money(r.base.net), money(r.vat.net), money(r.inclusive.net)],
        }))}
      />
      <FigureTable
        caption={t('cash.report.byCashier')}
        columns={[t('cash.report.person'), ...splitColumns]}
        rows={people(totals.byCashier, money)}
      />
      <FigureTable
        caption={t('cash.report.bySalesperson')}
        columns={[t('cash.report.person'), ...splitColumns]}
        rows={people(totals.bySalesperson, money)}
      />
      <dl className="cash-figures" aria-label={t('cash.report.cashExpected')}>
        <dt>{t('cash.report.float')}</dt>
        <dd>{money(cash.float)}</dd>
        <dt>{t('cash.report.cashSales')}</dt>
        <dd>{money(cash.cashSales)}</dd>
        <dt>{t('cash.report.cashRefunds')}</dt>
        <dd>{money(cash.cashRefunds)}</dd>
        <dt>{t('cash.moveKind.pay-in')}</dt>
        <dd>{money(cash.payIns)}</dd>
        <dt>{t('cash.moveKind.pay-out')}</dt>
        <dd>{money(cash.payOuts)}</dd>
        <dt>{t('cash.moveKind.safe-drop')}</dt>
        <dd>{money(cash.safeDrops)}</dd>
        <dt>{t('cash.report.cashExpected')}</dt>
        <dd>
          <strong>{money(cash.expected)}</strong>
        </dd>
      </dl>
    </div>
  );
}

/** Counted, expected and variance per tender, once the count is sealed. */
export function VarianceTable({
  tenders,
  currency,
  limit,
}: {
  tenders: readonly { method: string; counted: number; expected: number; variance: number }[];
  currency: string;
  limit: number;
}) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  return (
    <FigureTable
      className="variance-table"
      caption={t('cash.close.varianceCaption', { limit: money(limit) })}
      columns={[t('cash.report.tender'), t('cash.close.counted'), t('cash.close.expected'), t('cash.close.variance')]}
      rows={tenders.map((r) => ({
        key: r.method,
        head: t(`cash.tenders.${r.method}`, { defaultValue: r.method }),
        cells: [money(r.counted), money(r.expected), r.variance > 0 ? `+${money(r.variance)}` : money(r.variance)],
        over: Math.abs(r.variance) > limit,
      }))}
    />
  );
}
