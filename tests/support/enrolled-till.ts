import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadHostConfig } from '../../electron/src/host/config/host-config';
import { loadOrCreateTillKey } from '../../electron/src/host/fiscal/key-store';
import { HostEventBus } from '../../electron/src/host/host-events';
import { HubClient } from '../../electron/src/host/hub/hub-client';
import { enrollmentCode, hubCommand } from '../sync/hub-process';

/**
 * Enrolls the till of `dataDir` (before its first start) with the hub serving `hubDir` at `hubUrl`,
 * as the launcher does with its embedded hub: the till's key is made, a one-time code issued by
 * the hub's command line, and the till enrolls with it. Started with `--no-hub` afterwards, the
 * till is the demo store's (demo staff) and syncs with that hub, which runs as its own process.
 */
export async function enrollTill(dataDir: string, hubUrl: string, hubDir: string): Promise<{ storeId: string; tillId: string }> {
  const { storeId, tillId } = await loadHostConfig(dataDir);
  const key = await loadOrCreateTillKey(dataDir);
  const client = await HubClient.open({ dataDir, events: new HostEventBus(), identity: { storeId, tillId }, key });
  try {
    await client.enroll(hubUrl, enrollmentCode(hubCommand(['enroll', '--store', storeId, '--till', tillId], { dataDir: hubDir })));
  } finally {
    await client.close();
  }
  return { storeId, tillId };
}

/** Head office's view of a closing the hub recomputed (GET …/closings). */
export type HubClosing = {
  readonly tillId: string;
  readonly seq: number;
  /** 'z' or 'day' (what the hub recomputes). */
  readonly kind: string;
  readonly businessDate: string | null;
  readonly status: string;
  readonly differences: readonly unknown[];
};

/** Its detail: the record as the till sealed it and the payload the hub recomputed. */
export type HubClosingDetail = HubClosing & { readonly record: { readonly payload: unknown }; readonly recomputed: unknown };

/** The hub's admin API, with the admin token its data directory holds (hub.json). */
export async function hubAdmin(hubDir: string): Promise<<T>(pathname: string) => Promise<T>> {
  const { url, adminToken } = JSON.parse(await readFile(path.join(hubDir, 'hub.json'), 'utf8')) as { url: string; adminToken: string };
  return async <T>(pathname: string) => {
    const response = await fetch(new URL(pathname, url), { headers: { authorization: `Bearer ${adminToken}` } });
    if (!response.ok) throw new Error(`GET ${pathname}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
