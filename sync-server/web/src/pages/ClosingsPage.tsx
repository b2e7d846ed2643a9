import { useState } from 'react';
import type { PageProps } from '../app/page-props';
import { initialStore, StorePicker } from '../app/StorePicker';
import { ClosingsView } from './closings/ClosingsView';

/** Closings and fiscal (issue 13): Z reports, period closings, chain status and archive, one store at a time. */
export default function ClosingsPage({ me }: PageProps) {
  const [storeId, setStoreId] = useState<string | null>(initialStore(me));
  return (
    <>
      <StorePicker me={me} value={storeId} onChange={setStoreId} />
      {storeId ? <ClosingsView key={storeId} storeId={storeId} /> : null}
    </>
  );
}
