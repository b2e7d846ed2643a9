import type { ReportsChangedEvent } from '@pos/core/sync/head-office-api';
import { Type } from 'typebox';
import type { Database } from '../db/database';
import type { ReportEvents } from '../reporting/report-events';
import { errorResponses } from './api-schemas';
import { scopedStores, storesAsked } from './dashboard-route';
import type { HubApp } from './hub-app';
import { sessionOf, type OfficeAuth } from './office-auth';
import { OfficeSecurity } from './office-schemas';
import { visibleStores } from './store-list-route';
import { openEventStream } from './stream-sink';

/** A live dashboard is told little: a few kilobytes waiting mean its reader is gone. */
const MAX_BUFFERED_BYTES = 64 * 1024;

/** The first frame: how long the browser waits before reconnecting, and that the stream is open. */
const OPEN_FRAME = 'retry: 3000\nevent: ready\ndata: {}\n\n';

function changedFrame(storeId: string): string {
  const event: ReportsChangedEvent = { storeId };
  return `event: reports\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * GET /api/v1/office/reports/events: server-sent events for the back office's live dashboard
 * (session cookie only). `event: reports` with `{"storeId":…}` each time a store's reports
 * changed, only for the stores the user covers (and, with `?stores=`, only those);
 * `event: resync` when notices may have been lost; a comment line as heartbeat. The stream ends
 * at the first heartbeat after its session ended (ReportEvents).
 */
export function registerReportEventsRoute(app: HubApp, options: { db: Database; office: OfficeAuth; events: ReportEvents }): void {
  app.get(
    '/api/v1/office/reports/events',
    {
      schema: {
        summary: 'Live notices that a store’s reports changed (server-sent events)',
        description:
          '`event: ready` first, then `event: reports` with `{"storeId":…}` once sales of a store the user covers were counted in the reports; `event: resync` when some may have been missed (read again). A store named in `stores` that the user does not cover: 403 store_not_covered.',
        tags: ['office'],
        security: OfficeSecurity,
        querystring: Type.Object({
          stores: Type.Optional(Type.String({ maxLength: 65_000, description: 'Store ids separated by commas' })),
        }),
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: Type.String() } } },
          ...errorResponses(400, 401, 403),
        },
      },
      exposeHeadRoute: false,
      onRequest: options.office.needs(),
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const stores = scopedStores(storesAsked(request.query.stores), await visibleStores(options.db, request));
      const { res, sink } = openEventStream(reply, {
        maxBufferedBytes: MAX_BUFFERED_BYTES,
        onBehind: (bufferedBytes) => request.log.warn({ bufferedBytes }, 'report events closed: the reader fell behind'),
      });
      const send = (frame: string) => sink.send(Buffer.from(frame));
      send(OPEN_FRAME);
      const remove = options.events.add({
        holder: session.user.userId,
        session: session.tokenHash,
        stores: stores === null ? null : new Set(stores),
        changed: (storeId) => send(changedFrame(storeId)),
        resync: () => send('event: resync\ndata: {}\n\n'),
        heartbeat: () => send(': heartbeat\n\n'),
        close: (reason) => sink.close(reason),
      });
      res.once('close', remove);
    },
  );
}
