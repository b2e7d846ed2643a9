import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../app/client-context';
import type { PageProps } from '../app/page-props';
import { catalogApi, type VatRate } from './catalog/catalog-api';
import { ImportPanel } from './catalog/ImportPanel';
import { PriceLists } from './catalog/PriceLists';
import { Promotions } from './catalog/Promotions';
import { ProductEditor } from './catalog/ProductEditor';
import { ProductSearch } from './catalog/ProductSearch';

/**
 * The shared catalog (issue 13): administrators edit products, change prices in place, import
 * CSV files and keep the price lists; regional and store managers read them. Every change reaches online tills at once.
 */
export default function CatalogPage({ access }: PageProps) {
  const { t } = useTranslation();
  const client = useOfficeClient();
  const api = useMemo(() => catalogApi(client), [client]);
  const canEdit = access === 'edit';
  const [vatRates, setVatRates] = useState<readonly VatRate[]>([]);
  const [opened, setOpened] = useState<{ readonly id: string | null; readonly n: number } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  useEffect(() => {
    api.vatRates().then(setVatRates, () => setVatRates([]));
  }, [api]);
  const reload = () => setReloadKey((n) => n + 1);
  const open = (id: string | null) => setOpened((o) => ({ id, n: (o?.n ?? 0) + 1 }));

  return (
    <>
      {canEdit ? (
        <p>
          <button type="button" onClick={() => open(null)}>
            {t('catalog.newProduct')}
          </button>
        </p>
      ) : (
        <p className="note">{t('catalog.readOnly')}</p>
      )}
      {opened !== null && (
        <ProductEditor
          key={opened.n}
          api={api}
          id={opened.id}
          vatRates={vatRates}
          canEdit={canEdit}
          onSaved={reload}
          onClose={() => setOpened(null)}
        />
      )}
      <ProductSearch api={api} vatRates={vatRates} canEdit={canEdit} reloadKey={reloadKey} onOpen={open} />
      {canEdit && <ImportPanel api={api} onImported={reload} />}
      <PriceLists api={api} canEdit={canEdit} />
      <Promotions api={api} canEdit={canEdit} />
    </>
  );
}
