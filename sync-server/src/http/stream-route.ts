import { Type } from 'typebox';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import type { LiveStreams, StreamSink } from '../sync/live-streams';
import type { HubApp } from './hub-app';
import { DeviceSecurity, SYNC_REFUSALS } from './api-schemas';
import { deviceRateConfig, type RateLimit } from './rate-limits';
import { syncContext, syncGuard } from './sync-guard';

const CollectionParams = Type.Object({ collection: Type.String({ maxLength: 64 }) });

/**
 * GET /sync/v1/{collection}/stream: server-sent events. `data: RESYNC` first (on every connection,
 * so every reconnect), then `data: {"documents":[…],"checkpoint":{"seq":n}}` as changes commit,
 * and a comment line as heartbeat.
 */
export function registerStreamRoute(app: HubApp, options: { auth: DeviceAuthenticator; streams: LiveStreams; rateLimit: RateLimit }): void {
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
      const { scope, collection } = syncContext(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        // A stream has its connection to itself: when it ends, so does the connection.
        connection: 'close',
        'x-accel-buffering': 'no',
      });
      let ended = false;
      const sink: StreamSink = {
        send: (data) => {
          if (!ended) res.write(`data: ${data}\n\n`);
        },
        heartbeat: () => {
          if (!ended) res.write(': keep-alive\n\n');
        },
        close: () => {
          if (ended) return;
          ended = true;
          res.end();
        },
      };
      let remove: (() => void) | null = null;
      res.on('close', () => {
        ended = true;
        remove?.();
      });
      try {
        remove = await options.streams.open(scope, collection.name, sink);
        if (ended) remove();
        else request.log.debug({ storeId: scope.kind === 'store' ? scope.storeId : null, collection: collection.name }, 'stream opened');
      } catch (error) {
        request.log.error({ err: error }, 'stream could not start');
        sink.close();
      }
    },
  );
}
