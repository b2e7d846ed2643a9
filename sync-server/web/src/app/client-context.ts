import { createContext, useContext } from 'react';
import type { OfficeClient } from '../api/office-client';

/** The hub client the pages call, given once by App (tests give a fake one). */
export const OfficeClientContext = createContext<OfficeClient | null>(null);

export function useOfficeClient(): OfficeClient {
  const client = useContext(OfficeClientContext);
  // Only App renders pages, always inside the provider: missing it is a programming error.
  if (!client) throw new Error('useOfficeClient outside OfficeClientContext');
  return client;
}
