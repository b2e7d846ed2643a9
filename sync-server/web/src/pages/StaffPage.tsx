import { useMemo, useState } from 'react';
import { useOfficeClient } from '../app/client-context';
import type { PageProps } from '../app/page-props';
import { initialStore, StorePicker } from '../app/StorePicker';
import { staffApi } from './staff/staff-api';
import { RolesPanel } from './staff/RolesPanel';
import { StaffPanel } from './staff/StaffPanel';

/** A store's staff and role permissions, synced to its tills (issue 13). */
export default function StaffPage({ me, access }: PageProps) {
  const client = useOfficeClient();
  const api = useMemo(() => staffApi(client), [client]);
  const [storeId, setStoreId] = useState<string | null>(initialStore(me));
  const editable = access === 'edit';
  return (
    <>
      <StorePicker me={me} value={storeId} onChange={setStoreId} />
      {storeId !== null && (
        <>
          <StaffPanel key={storeId} api={api} storeId={storeId} editable={editable} />
          <RolesPanel api={api} storeId={storeId} editable={editable} />
        </>
      )}
    </>
  );
}
