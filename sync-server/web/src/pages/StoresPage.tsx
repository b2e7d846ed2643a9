import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../app/client-context';
import type { PageProps } from '../app/page-props';
import { initialStore, StorePicker } from '../app/StorePicker';
import { RevokeTillForm } from './stores/RevokeTillForm';
import { SettingsForm } from './stores/SettingsForm';
import { storesApi } from './stores/stores-api';
import { TillForm } from './stores/TillForm';
import { TillsList } from './stores/TillsList';

/**
 * A store's settings and its tills (issue 13). Settings: roles that may change them (access edit);
 * tills, enrollment codes and revocations are chain-wide at the hub: administrators only.
 */
export default function StoresPage({ me, access }: PageProps) {
  const { t } = useTranslation();
  const client = useOfficeClient();
  const api = useMemo(() => storesApi(client), [client]);
  const [storeId, setStoreId] = useState<string | null>(initialStore(me));
  return (
    <>
      <StorePicker me={me} value={storeId} onChange={setStoreId} />
      {storeId !== null && (
        <div key={storeId}>
          {access === 'edit' ? <SettingsForm api={api} storeId={storeId} /> : <p className="note">{t('stores.settingsReadOnly')}</p>}
          <TillsList api={api} storeId={storeId} canRevoke={me.role === 'admin'} />
          {me.role === 'admin' && (
            <>
              <TillForm api={api} storeId={storeId} />
              <RevokeTillForm api={api} storeId={storeId} />
            </>
          )}
        </div>
      )}
    </>
  );
}
