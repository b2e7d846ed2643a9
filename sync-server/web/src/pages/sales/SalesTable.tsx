import { useTranslation } from 'react-i18next';
import { useFormat } from '../closings/format';
import type { SaleRow } from './sales-api';
import { SaleStatusBadge } from './SaleStatusBadge';
import type { StoreTime } from './store-time';

type Props = { readonly rows: readonly SaleRow[]; readonly time: StoreTime; readonly onOpen: (saleId: string) => void };

/** A page of the list: one row per sale or return, its receipt code opening it. */
export function SalesTable({ rows, time, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rows.length === 0) return <p role="status">{t('sales.empty')}</p>;
  const tenders = (row: SaleRow) =>
    Object.entries(row.tenders)
      .map(([method, amount]) => `${t(`sales.tenders.${method}`, { defaultValue: method })} ${format.money(amount)}`)
      .join(', ');
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('sales.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sales.receipt')}</th>
            <th scope="col">{t('sales.date')}</th>
            <th scope="col">{time.zone ? t('sales.timeIn', { zone: time.zone }) : t('sales.time')}</th>
            <th scope="col">{t('sales.till')}</th>
            <th scope="col">{t('sales.kind')}</th>
            <th scope="col">{t('sales.amount')}</th>
            <th scope="col">{t('sales.tenderColumn')}</th>
            <th scope="col">{t('sales.staff')}</th>
            <th scope="col">{t('sales.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.saleId}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-label={t('sales.open', { receipt: row.receipt })}
                  onClick={() => onOpen(row.saleId)}
                >
                  {row.receipt}
                </button>
              </th>
              <td>{row.businessDate}</td>
              <td>{time.dateTime(row.completedAt)}</td>
              <td>{row.tillId}</td>
              <td>{t(`sales.kinds.${row.kind}`)}</td>
              <td className="number">{format.money(row.total)}</td>
              <td>{tenders(row)}</td>
              <td>{row.cashierName ?? row.staffId}</td>
              <td>
                <SaleStatusBadge status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
