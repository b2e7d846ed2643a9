import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../app/client-context';
import type { PageProps } from '../app/page-props';
import { initialStore, StorePicker } from '../app/StorePicker';
import { ExceptionsList } from './stock/ExceptionsList';
import { LevelsTable } from './stock/LevelsTable';
import { MovementForm } from './stock/MovementForm';
import { MovementsTable } from './stock/MovementsTable';
import { stockApi } from './stock/stock-api';
import { TransferForm } from './stock/TransferForm';

/**
 * A store's stock (issue 13): negative levels to look at, levels by product, the ledger's
 * movements; goods received, counts and transfers for the roles that may move stock (access edit),
 * each a ledger movement at the hub, after which the lists are read again.
 */
export default function StockPage({ me, access }: PageProps) {
  const { t } = useTranslation();
  const client = useOfficeClient();
  const api = useMemo(() => stockApi(client), [client]);
  const [storeId, setStoreId] = useState<string | null>(initialStore(me));
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <>
      <StorePicker me={me} value={storeId} onChange={setStoreId} />
      {storeId !== null && (
        <div key={storeId}>
          <ExceptionsList api={api} storeId={storeId} version={version} />
          <LevelsTable api={api} storeId={storeId} version={version} />
          {access === 'edit' ? (
            <div className="stock-forms">
              <MovementForm api={api} storeId={storeId} kind="receipt" onDone={changed} />
              <MovementForm api={api} storeId={storeId} kind="count_adjustment" onDone={changed} />
              <TransferForm api={api} storeId={storeId} onDone={changed} />
            </div>
          ) : (
            <p className="note">{t('stock.readOnly')}</p>
          )}
          <MovementsTable api={api} storeId={storeId} version={version} />
        </div>
      )}
    </>
  );
}
