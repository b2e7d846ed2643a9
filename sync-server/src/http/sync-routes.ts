import { SYNC_LIMITS } from '@pos/core';
import { Type } from 'typebox';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { pullDocuments } from '../sync/pull-documents';
import { pushDocuments, type PushFaults } from '../sync/push-documents';
import type { HubApp } from './hub-app';
import { deviceRateConfig, type RateLimit } from './rate-limits';
import { syncContext, syncGuard } from './sync-guard';

export const DEFAULT_PULL_LIMIT = 100;

const CollectionParams = Type.Object({ collection: Type.String({ maxLength: 64, description: 'A collection of core/src/sync/collections.ts' }) });

const PullQuery = Type.Object({
  checkpoint: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'The last sequence the till has (0: from the start)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SYNC_LIMITS.maxPullLimit, description: `Documents per page (default ${DEFAULT_PULL_LIMIT})` })),
});

const PushBody = Type.Object({
  rows: Type.Array(
    Type.Object({
      newDocumentState: Type.Unknown({ description: 'The document as the till has it now' }),
      assumedMasterState: Type.Optional(Type.Unknown({ description: 'What the till last saw from the hub (field-merge collections)' })),
    }),
    { description: `At most ${SYNC_LIMITS.maxPushRows} rows` },
  ),
});

export type SyncRoutesOptions = {
  readonly db: Database;
  readonly rateLimit: RateLimit;
  readonly faults?: PushFaults;
};

/** The RxDB replication protocol: checkpointed pull and push (the stream is in stream-route.ts). */
export function registerSyncRoutes(app: HubApp, options: SyncRoutesOptions): void {
  const { db } = options;
  const rateLimit = deviceRateConfig(options.rateLimit);

  app.get(
    '/sync/v1/:collection/pull',
    { schema: { params: CollectionParams, querystring: PullQuery }, preParsing: syncGuard(db, 'pull'), config: { rateLimit } },
    async (request) => {
      const { scope, collection } = syncContext(request);
      return pullDocuments(db, scope, collection.name, request.query.checkpoint ?? 0, request.query.limit ?? DEFAULT_PULL_LIMIT);
    },
  );

  app.post(
    '/sync/v1/:collection/push',
    {
      schema: { params: CollectionParams, body: PushBody },
      bodyLimit: SYNC_LIMITS.maxBodyBytes,
      preParsing: syncGuard(db, 'push'),
      config: { rateLimit },
    },
    async (request) => {
      const { device, collection } = syncContext(request);
      const { rows } = request.body;
      if (rows.length > SYNC_LIMITS.maxPushRows) {
        throw new HubError(413, 'too_many_rows', `A push carries at most ${SYNC_LIMITS.maxPushRows} documents; this one has ${rows.length}: send them in smaller batches`);
      }
      return pushDocuments(db, device, collection, rows, options.faults);
    },
  );
}
