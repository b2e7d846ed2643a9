import { canPull, canPush, findSyncCollection, PosError, type SyncCheckpoint, type SyncCollectionName, type SyncDocument } from '@pos/core';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { HostBridge } from '../../bridge';
import { reportSyncError, reportSyncIssue } from '../../state/sync-store';
import type { DocumentsDb } from '../documents-db';
import type { PushWatermarks } from './push-watermarks';

type Replicated = { readonly name: SyncCollectionName; readonly collection: RxCollection };

/**
 * One RxDB replication per collection the till writes or merges, through the till host (which
 * adds the device token): sales and till records are pushed, customers go both ways. Pulls wake
 * up on the hub's event stream, relayed by the host; 'RESYNC' makes RxDB pull from its checkpoint.
 * Unreachable hub: RxDB retries (every 5 s; tests of the retries wait less); anything else goes to the sync panel.
 */
export function startHubReplication(
  db: DocumentsDb,
  bridge: HostBridge,
  watermarks: PushWatermarks,
  options: { readonly retryMs?: number } = {},
): { stop(): Promise<void> } {
  const replicated: Replicated[] = [
    { name: 'sales', collection: db.sales },
    { name: 'till_records', collection: db.till_records },
    { name: 'customers', collection: db.customers },
  ];
  const states: RxReplicationState<unknown, SyncCheckpoint>[] = [];
  const unsubscribers: (() => void)[] = [];

  for (const { name, collection } of replicated) {
    const definition = findSyncCollection(name);
    if (!definition) continue;
    const stream$ = new Subject<RxReplicationPullStreamItem<unknown, SyncCheckpoint>>();
    unsubscribers.push(
      bridge.on('sync.stream', (message) => {
        if (message.collection !== name) return;
        stream$.next(
          message.event === 'RESYNC' ? 'RESYNC' : { documents: message.event.documents as never[], checkpoint: message.event.checkpoint },
        );
      }),
    );
    const state = replicateRxCollection<unknown, SyncCheckpoint>({
      collection: collection as RxCollection<unknown>,
      replicationIdentifier: `hub-${name}-v${definition.schemaVersion}`,
      live: true,
      retryTime: options.retryMs ?? 5000,
      waitForLeadership: false,
      autoStart: true,
      ...(canPush(definition)
        ? {
            push: {
              batchSize: 100,
              handler: async (rows) => {
                const response = await bridge.invoke('sync.push', { collection: name, rows: rows as never });
                for (const error of response.errors)
                  reportSyncIssue(name, { key: 'sync.issue.refused', values: { id: error.id || `#${error.index + 1}` } }, error.message);
                const refused = new Set([...response.errors.map((e) => e.id), ...response.conflicts.map((c) => c.id)]);
                await watermarks.accepted(
                  name,
                  rows.map((r) => r.newDocumentState as unknown as SyncDocument).filter((d) => !refused.has(d.id)),
                );
                if (response.conflicts.length > 0)
                  reportSyncIssue(name, { key: 'sync.issue.conflicts', values: { count: response.conflicts.length } });
                return response.conflicts as never[];
              },
            },
          }
        : {}),
      ...(canPull(definition)
        ? {
            pull: {
              batchSize: 200,
              stream$: stream$.asObservable(),
              handler: async (checkpoint, batchSize) => {
                const response = await bridge.invoke('sync.pull', { collection: name, checkpoint: checkpoint ?? null, limit: batchSize });
                return { documents: response.documents as never[], checkpoint: response.checkpoint ?? checkpoint };
              },
            },
          }
        : {}),
    });
    state.error$.subscribe((error) => {
      const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0] ?? error;
      if (cause instanceof PosError && cause.code === 'HUB_UNREACHABLE') return;
      reportSyncError(name, cause);
    });
    states.push(state);
  }

  return {
    async stop() {
      for (const off of unsubscribers) off();
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}
