import { Type } from 'typebox';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import type { LiveStreams } from '../sync/live-streams';
import type { HubApp } from './hub-app';
import { DeviceSecurity, SYNC_REFUSALS } from './api-schemas';
import { deviceRateConfig, type RateLimit } from './rate-limits';
import { openEventStream } from './stream-sink';
import { syncContext, syncGuard } from './sync-guard';

const CollectionParams = Type.Object({ collection: Type.String({ maxLength: 64 }) });

/**
 * GET /sync/v1/{collection}/stream: server-sent events. `data: RESYNC` first (on every connection,
 * so every reconnect), then `data: {"documents":[…],"checkpoint":{"seq":n}}` as changes commit,
 * and a comment line as heartbeat. A device holds a few streams per collection (LiveStreams), and
 * a reader that falls behind is cut off (responseSink).
 */
export function registerStreamRoute(
  app: HubApp,
  options: { auth: DeviceAuthenticator; streams: LiveStreams; rateLimit: RateLimit; maxBufferedBytes: number },
): void {
  app.get(
    '/sync/v1/:collection/stream',
    {
      schema: {
        summary: 'Live changes as server-sent events',
        description:
          '`data: RESYNC` first on every connection (pull from your checkpoint), then `data: {"documents":[…],"checkpoint":{"seq":n}}` as changes commit; a comment line as heartbeat.',
        tags: ['sync'],
        security: DeviceSecurity,
        params: CollectionParams,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: Type.String() } } },
          ...SYNC_REFUSALS,
        },
      },
      // A HEAD request would open a stream nobody reads.
      exposeHeadRoute: false,
      preParsing: syncGuard(options.auth, 'stream'),
      config: { rateLimit: deviceRateConfig(options.rateLimit) },
    },
    async (request, reply) => {
      const { device, scope, collection } = syncContext(request);
      const where = { storeId: device.storeId, tillId: device.tillId, collection: collection.name };
      const { res, sink } = openEventStream(reply, {
        maxBufferedBytes: options.maxBufferedBytes,
        onBehind: (bufferedBytes) => request.log.warn({ ...where, bufferedBytes }, 'stream closed: its reader fell behind'),
      });
      let remove: (() => void) | null = null;
      let closed = false;
      res.once('close', () => {
        closed = true;
        remove?.();
      });
      try {
        remove = await options.streams.open(scope, collection.name, sink, `${device.storeId}\u0000${device.tillId}`);
        if (closed) remove();
        else request.log.debug(where, 'stream opened');
      } catch (error) {
        request.log.error({ err: error }, 'stream could not start');
        sink.close();
      }
    },
  );
}
