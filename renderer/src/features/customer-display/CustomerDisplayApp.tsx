import type { CustomerDisplayState } from '@pos/core';
import { useEffect, useState } from 'react';
import type { HostBridge } from '../../bridge';
import { CustomerDisplay } from './CustomerDisplay';

/**
 * The customer window (Electron's second window, or `?view=customer` in a browser): it only
 * listens to the host's display events, holds no data and signs nobody in.
 */
export function CustomerDisplayApp({ bridge }: { bridge: HostBridge }) {
  const [state, setState] = useState<CustomerDisplayState | null>(null);
  const [storeName, setStoreName] = useState('');
  useEffect(() => {
    const off = bridge.on('display.state', setState);
    bridge.invoke('store.profile').then(
      (p) => setStoreName(p.name),
      () => undefined,
    );
    return off;
  }, [bridge]);
  return <CustomerDisplay state={state} storeName={storeName} />;
}
