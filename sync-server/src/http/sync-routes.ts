import { SYNC_LIMITS } from '@pos/core';
import { Type } from 'typebox';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { pullDocuments } from '../sync/pull-documents';
import { pushDocuments, type PushFaults } from '../sync/push-documents';
import type { HubApp } from './hub-app';
import { DeviceSecurity, errorResponses, List, SYNC_REFUSALS } from './api-schemas';
import { deviceRateConfig, type RateLimit } from './rate-limits';
import { syncContext, syncGuard } from './sync-guard';

export const DEFAULT_PULL_LIMIT = 100;

const CollectionParams = Type.Object({
  collection: Type.String({ maxLength: 64, description: 'A collection of core/src/sync/collections.ts' }),
});

/**
 * Query values stay text until read here: coerced to numbers by the validator, `1e400` became
 * Infinity and then a 500, `0x10` became 16 and `1e3` 1000. Only plain decimal digits are numbers.
 */
const WHOLE_NUMBER = '^(0|[1-9][0-9]{0,15})$';

const PullQuery = Type.Object({
  checkpoint: Type.Optional(
    Type.String({ pattern: WHOLE_NUMBER, description: 'The last sequence the till has (0: from the start), in decimal digits' }),
  ),
  limit: Type.Optional(
    Type.String({
      pattern: WHOLE_NUMBER,
      description: `Documents per page, 1 to ${SYNC_LIMITS.maxPullLimit} (default ${DEFAULT_PULL_LIMIT})`,
    }),
  ),
});

/** A query value matching WHOLE_NUMBER, within `min`…`max`. */
function wholeNumber(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (value < min || value > max)
    throw new HubError(400, 'bad_request', `Invalid request: ${name} must be a whole number from ${min} to ${max}`);
  return value;
}

const PushBody = Type.Object({
  rows: Type.Array(
    Type.Object({
      newDocumentState: Type.Unknown({ description: 'The document as the till has it now' }),
      assumedMasterState: Type.Optional(Type.Unknown({ description: 'What the till last saw from the hub (field-merge collections)' })),
    }),
    { description: `At most ${SYNC_LIMITS.maxPushRows} rows` },
  ),
});

const SyncDocument = Type.Unknown({ description: 'A document: its fields, `id` and `_deleted`' });

const PullResponse = Type.Object({
  documents: List(SyncDocument),
  checkpoint: Type.Union([Type.Object({ seq: Type.Integer() }), Type.Null()], {
    description: 'After the last document; null only when the collection is empty',
  }),
  remaining: Type.Integer({ description: 'Documents left after this page' }),
});

const PushResponse = Type.Object({
  conflicts: List(SyncDocument, { description: 'The hub’s state of documents it did not take as sent' }),
  errors: List(Type.Object({ index: Type.Integer(), id: Type.String(), message: Type.String() }), {
    description: 'Documents refused (kept in quarantine)',
  }),
});

export type SyncRoutesOptions = {
  readonly db: Database;
  readonly auth: DeviceAuthenticator;
  readonly rateLimit: RateLimit;
  readonly faults?: PushFaults;
};

/** The RxDB replication protocol: checkpointed pull and push (the stream is in stream-route.ts). */
export function registerSyncRoutes(app: HubApp, options: SyncRoutesOptions): void {
  const { db } = options;
  const rateLimit = deviceRateConfig(options.rateLimit);

  app.get(
    '/sync/v1/:collection/pull',
    {
      schema: {
        summary: 'Pull a page of documents after a checkpoint',
        tags: ['sync'],
        security: DeviceSecurity,
        params: CollectionParams,
        querystring: PullQuery,
        response: { 200: PullResponse, ...SYNC_REFUSALS },
      },
      preParsing: syncGuard(options.auth, 'pull'),
      config: { rateLimit },
    },
    async (request) => {
      const { scope, collection } = syncContext(request);
      const checkpoint = wholeNumber(request.query.checkpoint, 'checkpoint', 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = wholeNumber(request.query.limit, 'limit', DEFAULT_PULL_LIMIT, 1, SYNC_LIMITS.maxPullLimit);
      return pullDocuments(db, scope, collection.name, checkpoint, limit);
    },
  );

  app.post(
    '/sync/v1/:collection/push',
    {
      schema: {
        summary: 'Push documents written on the till',
        tags: ['sync'],
        security: DeviceSecurity,
        params: CollectionParams,
        body: PushBody,
        response: { 200: PushResponse, ...SYNC_REFUSALS, ...errorResponses(413) },
      },
      bodyLimit: SYNC_LIMITS.maxBodyBytes,
      preParsing: syncGuard(options.auth, 'push'),
      // Each document is bounded alone (sync/document-checks.ts): one bad document never blocks the others.
      config: { rateLimit, boundsDocumentsItself: true },
    },
    async (request) => {
      const { device, collection } = syncContext(request);
      const { rows } = request.body;
      if (rows.length > SYNC_LIMITS.maxPushRows) {
        throw new HubError(
          413,
          'too_many_rows',
          `A push carries at most ${SYNC_LIMITS.maxPushRows} documents; this one has ${rows.length}: send them in smaller batches`,
        );
      }
      return pushDocuments(db, device, collection, rows, options.faults);
    },
  );
}
