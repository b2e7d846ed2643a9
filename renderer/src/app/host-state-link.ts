import type { HostHello, StoreProfile } from '@pos/core';
import type { HostBridge } from '../bridge';
import { useAppStore } from '../state/app-store';
import { replaceProfile, services } from '../state/services';

/** The profile the till sells with from now on, kept in the settings so the till knows it offline too. */
export function applyStoreProfile(profile: StoreProfile): void {
  replaceProfile(profile);
  services()
    .db.docs.settings.upsert({ key: 'store.profile', value: profile, updatedAt: new Date().toISOString() })
    .catch((error: unknown) => console.error('Could not keep the store profile', error));
}

/** What hello says about the till as a whole: whether it can seal, whether it has staff yet. */
export function applyHello(hello: Pick<HostHello, 'fiscal' | 'needsSetup' | 'tillId'>): void {
  useAppStore.setState({ fiscal: hello.fiscal, needsSetup: hello.needsSetup, tillId: hello.tillId });
}

/**
 * The host's word on the store and its journal, as it changes: new store settings from the hub
 * (the renderer sells with them at once, as the host does) and sealing stopped or resumed.
 */
export function linkHostState(bridge: HostBridge): () => void {
  const offs = [bridge.on('store.profile', applyStoreProfile), bridge.on('fiscal.status', (fiscal) => useAppStore.setState({ fiscal }))];
  return () => {
    for (const off of offs) off();
  };
}

/** A host that restarted may have found its journal damaged, or new settings: asked again after a reconnection. */
export async function refreshHostState(bridge: HostBridge): Promise<void> {
  const [hello, profile] = await Promise.all([bridge.invoke('host.hello'), bridge.invoke('store.profile')]);
  applyHello(hello);
  if (JSON.stringify(profile) !== JSON.stringify(services().profile)) applyStoreProfile(profile);
}
