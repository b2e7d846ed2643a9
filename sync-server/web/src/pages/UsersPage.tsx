import { useMemo } from 'react';
import { useOfficeClient } from '../app/client-context';
import { AuditLog } from './users/AuditLog';
import { usersApi } from './users/users-api';
import { UsersPanel } from './users/UsersPanel';

/** Users & audit (administrators only, as the hub checks): the back office's users and the audit log of every change. */
export default function UsersPage() {
  const client = useOfficeClient();
  const api = useMemo(() => usersApi(client), [client]);
  return (
    <>
      <UsersPanel api={api} />
      <AuditLog api={api} />
    </>
  );
}
