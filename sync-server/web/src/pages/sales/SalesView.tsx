import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../../app/client-context';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useErrorText } from '../../app/use-error-text';
import { staffApi, type StaffMember } from '../staff/staff-api';
import { loadSale, loadSales, salesPath, type SaleDetail, type SalesPage } from './sales-api';
import { SaleDetailView } from './SaleDetailView';
import { SalesFilters } from './SalesFilters';
import { SalesTable } from './SalesTable';
import { useStoreTime } from './use-store-time';

/** Where the list is: its filters, and the cursors of the pages before (the first page's is null). */
type Position = { readonly query: Record<string, string>; readonly cursors: readonly (string | null)[] };

/** One store's sales: filters, a page of the list with previous and next, one sale opened with its receipt as printed. */
export function SalesView({ storeId }: { readonly storeId: string }) {
  const { t } = useTranslation();
  const client = useOfficeClient();
  const errorText = useErrorText();
  const [position, setPosition] = useState<Position>({ query: {}, cursors: [null] });
  const [page, setPage] = useState<SalesPage | null>(null);
  const [detail, setDetail] = useState<SaleDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [staff, setStaff] = useState<readonly StaffMember[]>([]);
  // Sales are read at the store's clock, not the head office's.
  const time = useStoreTime(storeId);

  useEffect(() => {
    let current = true;
    // Names to pick from in the staff filters; without them, ids are typed.
    staffApi(client)
      .list(storeId)
      .then(
        (people) => current && setStaff(people),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [client, storeId]);

  useEffect(() => {
    let current = true;
    setPage(null);
    setError(null);
    loadSales(client, storeId, position.query, position.cursors.at(-1) ?? null).then(
      (answer) => current && setPage(answer),
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
    // errorText is a new function each render; the store and the position are what ask for a reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, storeId, position]);

  const open = (saleId: string) => {
    setError(null);
    loadSale(client, storeId, saleId).then(setDetail, (failure: unknown) => setError(errorText(failure)));
  };

  return (
    <>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {detail && time ? (
        <SaleDetailView key={detail.saleId} sale={detail} time={time} onOpen={open} onClose={() => setDetail(null)} />
      ) : (
        <>
          <SalesFilters staff={staff} onSearch={(query) => setPosition({ query, cursors: [null] })} />
          <ExportButtons path={salesPath(storeId)} query={position.query} label={t('sales.exportLabel')} />
          <section aria-labelledby="sales-list" aria-busy={(page === null || time === null) && error === null}>
            <h2 id="sales-list">{t('sales.caption')}</h2>
            {page && time ? (
              <SalesTable rows={page.rows} time={time} onOpen={open} />
            ) : error ? null : (
              <p role="status">{t('app.loading')}</p>
            )}
            <nav className="pager" aria-label={t('sales.pages')}>
              <button
                type="button"
                disabled={position.cursors.length <= 1}
                onClick={() => setPosition((p) => ({ ...p, cursors: p.cursors.slice(0, -1) }))}
              >
                {t('sales.previous')}
              </button>
              <span>{t('sales.page', { page: position.cursors.length })}</span>
              <button
                type="button"
                disabled={!page?.next}
                onClick={() => page?.next && setPosition((p) => ({ ...p, cursors: [...p.cursors, page.next] }))}
              >
                {t('sales.next')}
              </button>
            </nav>
          </section>
        </>
      )}
    </>
  );
}
