import { readFile } from 'node:fs/promises';
import { canPull, canPush, findSyncCollection, PosError, SYNC_LIMITS, type SyncCollectionName } from '@pos/core';
import type { HostContext } from '../host-context';
import { noRequest, type HandlerGroup } from './handler-registry';
import { integer, invalid, record, text } from './request-guards';

async function readCertificateAuthority(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new PosError('INVALID_REQUEST', `The hub certificate authority ${file} cannot be read: ${(error as Error).message}`, {
      reason: 'hub-certificate',
    });
  }
}

function collectionOf(req: Record<string, unknown>, direction: 'push' | 'pull'): SyncCollectionName {
  const collection = findSyncCollection(req.collection);
  if (!collection) throw invalid('collection is not a synced collection');
  if (direction === 'push' ? !canPush(collection) : !canPull(collection))
    throw invalid(`${collection.name} cannot be ${direction}ed by a till`);
  return collection.name as SyncCollectionName;
}

/**
 * The renderer's replication goes through the host: the host holds the device token, adds it,
 * and reports the link's state to every screen.
 */
export function hubHandlers(ctx: HostContext): HandlerGroup {
  const hub = () => {
    if (!ctx.hub.enrolled) throw new PosError('NOT_ENROLLED', 'This till is not enrolled with a hub yet');
    return ctx.hub;
  };
  return {
    'hub.status': { parse: noRequest, run: async () => ctx.hub.status() },
    'hub.enroll': {
      parse: (raw) => {
        const req = record(raw, 'hub.enroll request');
        return { hubUrl: text(req, 'hubUrl', { max: 300, pattern: /^https?:\/\/\S+$/ }), code: text(req, 'code', { max: 40 }) };
      },
      run: async ({ hubUrl, code }) => {
        ctx.session.requireManager('enroll the till');
        const ca = ctx.config.hubCaFile ? await readCertificateAuthority(ctx.config.hubCaFile) : undefined;
        const status = await ctx.hub.enroll(hubUrl, code, ca);
        await ctx.refreshFromHub();
        return status;
      },
    },
    'sync.pull': {
      parse: (raw) => {
        const req = record(raw, 'sync.pull request');
        const checkpoint =
          req.checkpoint === null || req.checkpoint === undefined
            ? null
            : { seq: integer(record(req.checkpoint, 'checkpoint'), 'seq', 0, Number.MAX_SAFE_INTEGER) };
        return { collection: collectionOf(req, 'pull'), checkpoint, limit: integer(req, 'limit', 1, SYNC_LIMITS.maxPullLimit) };
      },
      run: ({ collection, checkpoint, limit }) => hub().pull(collection, checkpoint, limit),
    },
    'sync.push': {
      parse: (raw) => {
        const req = record(raw, 'sync.push request');
        if (!Array.isArray(req.rows) || req.rows.length > SYNC_LIMITS.maxPushRows)
          throw invalid(`rows must be a list of at most ${SYNC_LIMITS.maxPushRows}`);
        return { collection: collectionOf(req, 'push'), rows: req.rows as never };
      },
      run: ({ collection, rows }) => hub().push(collection, rows),
    },
  };
}
