import type { DashboardRow } from '@pos/core/sync/head-office-api';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useNumbers } from './labels';

type Props = {
  readonly caption: string;
  /** The first column's header: what the keys are. */
  readonly keyHeader: string;
  readonly rows: readonly DashboardRow[];
  readonly label: (key: string) => string;
  /** Products and categories: their quantity too. */
  readonly quantity?: boolean;
  /** The dashboard route's query for this table as a CSV or XLSX file (`table` included); none: no export. */
  readonly exportQuery?: Readonly<Record<string, string>>;
};

/** One breakdown as a table: a row per key, its net sales, tickets, average basket, returns, discounts and items. */
export function BreakdownTable({ caption, keyHeader, rows, label, quantity = false, exportQuery }: Props) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader.charAt(0).toUpperCase() + keyHeader.slice(1)}</th>
            <th scope="col">{t('dashboard.column.netIncl')}</th>
            <th scope="col">{t('dashboard.column.netExcl')}</th>
            <th scope="col">{t('dashboard.column.tickets')}</th>
            <th scope="col">{t('dashboard.column.averageBasket')}</th>
            <th scope="col">{t('dashboard.column.returns')}</th>
            <th scope="col">{t('dashboard.column.discounts')}</th>
            <th scope="col">{t(quantity ? 'dashboard.column.quantity' : 'dashboard.column.items')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8}>{t('dashboard.empty')}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{label(row.key)}</th>
                <td>{n.money(row.netIncl)}</td>
                <td>{n.money(row.netExcl)}</td>
                <td>{n.number(row.tickets)}</td>
                <td>{row.tickets === 0 ? '—' : n.money(Math.round(row.netIncl / row.tickets))}</td>
                <td>{n.number(row.returns)}</td>
                <td>{n.money(row.discounts)}</td>
                <td>{n.number(quantity ? (row.quantity ?? 0) : row.items)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {exportQuery ? <ExportButtons path="/reports/dashboard" query={exportQuery} label={t('dashboard.exportWhat', { caption })} /> : null}
    </div>
  );
}
