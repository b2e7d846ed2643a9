import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StoreProfile } from '@pos/core';
import { validateStoreProfile } from '../config/store-profile-file';
import type { HubClient } from './hub-client';

const CACHE = 'hub-store-profile.json';

/** The store profile last received from the hub, so a till restarted offline sells with it. */
export async function cachedHubProfile(dataDir: string): Promise<StoreProfile | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, CACHE), 'utf8')) as StoreProfile;
  } catch {
    return null;
  }
}

/**
 * Fetches the store's settings document from the hub (collection store_settings, id "profile"),
 * checks it like a local store.json, keeps this till's identity, and caches it. Null when the hub
 * has none yet: the till keeps what it has.
 */
export async function fetchHubProfile(hub: HubClient, dataDir: string, current: StoreProfile): Promise<StoreProfile | null> {
  const page = await hub.pull('store_settings', null, 100);
  const doc = page.documents.find((d) => d.id === 'profile' && !d._deleted);
  if (!doc) return null;
  const { id: _id, _deleted, ...fields } = doc;
  const profile = validateStoreProfile(
    { ...current, ...(fields as Partial<StoreProfile>), storeId: current.storeId, tillId: current.tillId },
    'the hub’s store settings',
  );
  const file = path.join(dataDir, CACHE);
  await writeFile(`${file}.tmp`, JSON.stringify(profile, null, 2));
  await rename(`${file}.tmp`, file);
  return profile;
}
