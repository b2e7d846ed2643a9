import type { ServerResponse } from 'node:http';
import type { StreamSink } from '../sync/live-streams';

/** Room for a few large messages on a slow link; a reader this far behind is better off pulling. */
export const DEFAULT_STREAM_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * A live stream's sink over its HTTP response. Bytes the reader has not taken wait in the hub's
 * memory: once they would pass `maxBufferedBytes`, the reader has fallen behind and the connection
 * is cut — destroyed, not ended, since ending would wait for the reader to take what is buffered.
 * Nothing is lost: the till reconnects, gets RESYNC first and pulls from its checkpoint.
 */
export function responseSink(
  res: ServerResponse,
  options: { maxBufferedBytes: number; onBehind: (bufferedBytes: number) => void },
): StreamSink {
  let open = !res.destroyed;
  res.once('close', () => (open = false));
  const cut = () => {
    open = false;
    res.destroy();
  };
  return {
    send(frame) {
      if (!open) return;
      const waiting = res.writableLength;
      if (waiting > 0 && waiting + frame.length > options.maxBufferedBytes) {
        options.onBehind(waiting);
        cut();
      } else res.write(frame);
    },
    close(reason) {
      if (!open) return;
      if (res.writableLength > 0) return cut();
      open = false;
      res.end(reason ? `: ${reason}\n\n` : undefined);
    },
    get bufferedBytes() {
      return open ? res.writableLength : 0;
    },
  };
}

/**
 * Takes a request's response from Fastify and starts a server-sent events stream on it: never
 * cached or transformed by a proxy, its connection its own (when the stream ends, so does the
 * connection), then a sink over it that cuts a reader fallen `maxBufferedBytes` behind.
 */
export function openEventStream(
  reply: { hijack(): void; readonly raw: ServerResponse },
  options: { maxBufferedBytes: number; onBehind: (bufferedBytes: number) => void },
): { readonly res: ServerResponse; readonly sink: StreamSink } {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    connection: 'close',
    'x-accel-buffering': 'no',
  });
  return { res, sink: responseSink(res, options) };
}
