import { useMemo } from 'react';
import { useOfficeClient } from '../app/client-context';
import type { PageProps } from '../app/page-props';
import { apiKeysApi } from './account/api-keys-api';
import { ApiKeysPanel } from './account/ApiKeysPanel';

/** My account: the signed-in user's API keys (every role may own some, within its rights, as the hub checks). */
export default function AccountPage({ me }: PageProps) {
  const client = useOfficeClient();
  const api = useMemo(() => apiKeysApi(client), [client]);
  return <ApiKeysPanel api={api} me={me} />;
}
