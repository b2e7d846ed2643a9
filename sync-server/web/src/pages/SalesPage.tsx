import { useState } from 'react';
import type { PageProps } from '../app/page-props';
import { initialStore, StorePicker } from '../app/StorePicker';
import { SalesView } from './sales/SalesView';

/** Sales (issue 13): a store's sales searched and listed, each with its receipt as printed, its returns and its fiscal status. */
export default function SalesPage({ me }: PageProps) {
  const [storeId, setStoreId] = useState<string | null>(initialStore(me));
  return (
    <>
      <StorePicker me={me} value={storeId} onChange={setStoreId} />
      {storeId ? <SalesView key={storeId} storeId={storeId} /> : null}
    </>
  );
}
