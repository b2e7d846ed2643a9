import {
  APP_VERSION_HEADER,
  appVersionOf,
  canPull,
  canPush,
  findSyncCollection,
  SCHEMA_VERSION_HEADER,
  SYNC_COLLECTIONS,
  type SyncCollection,
} from '@pos/core';
import type { FastifyRequest } from 'fastify';
import type { DeviceIdentity } from '../auth/device-auth';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { bearerToken } from '../auth/secrets';
import { HubError } from '../errors/hub-error';
import { scopeFor, type Scope } from '../sync/scope';

export type SyncOperation = 'pull' | 'push' | 'stream';

/** Who is asking, about what: settled before the body is even read. */
export type SyncContext = { readonly device: DeviceIdentity; readonly collection: SyncCollection; readonly scope: Scope };

const contexts = new WeakMap<FastifyRequest, SyncContext>();

export function syncContext(request: FastifyRequest): SyncContext {
  const context = contexts.get(request);
  if (!context) throw new Error('The sync guard did not run for this route');
  return context;
}

function schemaVersionOf(request: FastifyRequest, collection: SyncCollection): void {
  const header = request.headers[SCHEMA_VERSION_HEADER];
  if (header === undefined) {
    throw new HubError(400, 'schema_version_missing', `Every sync request must say its schema version (${SCHEMA_VERSION_HEADER} header)`);
  }
  const text = Array.isArray(header) ? header[0] : header;
  if (!text || !/^\d{1,9}$/.test(text))
    throw new HubError(400, 'bad_request', `${SCHEMA_VERSION_HEADER} must be a whole number, got "${text}"`);
  const version = Number(text);
  if (version < collection.minSchemaVersion) {
    throw new HubError(
      426,
      'upgrade_required',
      `This till's software is too old for the hub: ${collection.name} needs schema version ${collection.minSchemaVersion} or later, the till sends ${version}. ` +
        'Update the till; the documents it has not sent yet are kept and will be sent after the update.',
    );
  }
  if (version > collection.schemaVersion) {
    throw new HubError(
      409,
      'hub_outdated',
      `The hub is older than this till: it knows ${collection.name} up to schema version ${collection.schemaVersion}, the till sends ${version}. Update the hub.`,
    );
  }
}

function directionOf(collection: SyncCollection, operation: SyncOperation): void {
  if (operation === 'push' && !canPush(collection)) {
    throw new HubError(405, 'method_not_allowed', `${collection.name} is written at the hub only: tills pull it and cannot push it`);
  }
  if (operation !== 'push' && !canPull(collection)) {
    throw new HubError(405, 'method_not_allowed', `${collection.name} is sent by tills only: it cannot be pulled or streamed`);
  }
}

/**
 * Runs before the body is parsed: device token (→ store and till), collection, schema version,
 * direction. The store comes from the token only, never from the request, so a till can neither
 * read nor write another store.
 */
export function syncGuard(auth: DeviceAuthenticator, operation: SyncOperation) {
  return async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
    // The till's version is kept for head office; a header it cannot read is ignored, never refused.
    const device = await auth.authenticate(
      bearerToken(request.headers.authorization),
      request.ip,
      appVersionOf(request.headers[APP_VERSION_HEADER]),
    );
    const name = (request.params as { collection?: unknown }).collection;
    const collection = findSyncCollection(name);
    if (!collection) {
      throw new HubError(
        404,
        'unknown_collection',
        `No synced collection is called "${String(name)}" (known: ${SYNC_COLLECTIONS.map((c) => c.name).join(', ')})`,
      );
    }
    schemaVersionOf(request, collection);
    directionOf(collection, operation);
    contexts.set(request, { device, collection, scope: scopeFor(collection, device.storeId) });
    return payload;
  };
}
