import { createSerialPort } from '../../serial-port';
import { FrameReader, type LineEvent } from '../../../common/terminal/concert/frame-reader';

/** What a reader of the line gets next: a protocol event, silence, or the end of the line. */
export type LineInput = LineEvent | { readonly kind: 'timeout' } | { readonly kind: 'closed'; readonly reason: string };

export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The byte pipe the link-layer sessions need; tests may hand in their own. */
export type ConcertLine = {
  write(bytes: Uint8Array): Promise<WriteOutcome>;
  next(timeoutMs: number): Promise<LineInput>;
  /** Events that arrived while nobody was reading, in order (a look, not a take). */
  pending(): readonly LineInput[];
  /** Takes and returns the events nobody read: stale bytes must not pass for the next ACK. */
  drain(): readonly LineInput[];
  /** Returns an event read too early to the front of the line. */
  putBack(input: LineInput): void;
};

export type SerialSettings = {
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits: 7 | 8;
  readonly parity: 'even' | 'odd' | 'none';
  readonly stopBits: 1 | 2;
};

export type OpenedLine = ConcertLine & {
  readonly close: () => Promise<void>;
  readonly isOpen: () => boolean;
};

export type OpenLineResult = { readonly ok: true; readonly line: OpenedLine } | { readonly ok: false; readonly message: string };

/**
 * Opens the serial port and turns its bytes into line events. `onArrival` is told whenever an event
 * is queued, so the driver can notice an answer that nobody is waiting for (a late one).
 * `interByteMs`: a frame that stops mid-way this long is reported as truncated.
 */
export function openSerialLine(settings: SerialSettings, interByteMs: number, onArrival: () => void): Promise<OpenLineResult> {
  return new Promise((resolve) => {
    const port = createSerialPort({ ...settings, autoOpen: false });
    const reader = new FrameReader();
    const queue: LineInput[] = [];
    let waiter: ((input: LineInput) => void) | null = null;
    let stallTimer: NodeJS.Timeout | undefined;
    let closedReason: string | null = null;

    const deliver = (input: LineInput) => {
      if (waiter) {
        const take = waiter;
        waiter = null;
        take(input);
      } else {
        queue.push(input);
      }
      onArrival();
    };
    const end = (reason: string) => {
      if (closedReason !== null) return;
      closedReason = reason;
      clearTimeout(stallTimer);
      deliver({ kind: 'closed', reason });
    };

    port.on('data', (chunk: Buffer) => {
      for (const event of reader.push(chunk)) deliver(event);
      clearTimeout(stallTimer);
      if (reader.inFrame) {
        stallTimer = setTimeout(() => {
          const truncated = reader.abandon();
          if (truncated) deliver(truncated);
        }, interByteMs);
      }
    });
    // An unheard 'error' event would crash the till; the close that follows tells the story.
    port.on('error', (error: Error) => end(`The serial line to the terminal failed: ${error.message}`));
    port.on('close', (error?: Error & { disconnected?: boolean }) =>
      end(
        error?.disconnected
          ? `The terminal's serial line ${settings.path} was disconnected (cable or USB adapter pulled?).`
          : `The serial port ${settings.path} was closed.`,
      ),
    );

    port.open((error) => {
      if (error) return resolve({ ok: false, message: describeOpenError(settings.path, error) });
      resolve({
        ok: true,
        line: {
          write: (bytes) =>
            new Promise((done) => {
              if (closedReason !== null) return done({ ok: false, message: closedReason });
              port.write(Buffer.from(bytes), (writeError) => {
                if (writeError) done({ ok: false, message: `Writing to ${settings.path} failed: ${writeError.message}` });
              });
              port.drain((drainError) =>
                done(drainError ? { ok: false, message: `Writing to ${settings.path} failed: ${drainError.message}` } : { ok: true }),
              );
            }),
          next: (timeoutMs) =>
            new Promise((done) => {
              const queued = queue.shift();
              if (queued) return done(queued);
              if (closedReason !== null) return done({ kind: 'closed', reason: closedReason });
              const timer = setTimeout(() => {
                waiter = null;
                done({ kind: 'timeout' });
              }, timeoutMs);
              waiter = (input) => {
                clearTimeout(timer);
                done(input);
              };
            }),
          pending: () => [...queue],
          drain: () => queue.splice(0),
          putBack: (input) => {
            queue.unshift(input);
            onArrival();
          },
          isOpen: () => closedReason === null && port.isOpen,
          close: () =>
            new Promise((done) => {
              clearTimeout(stallTimer);
              if (!port.isOpen) return done();
              port.close(() => done());
            }),
        },
      });
    });
  });
}

function describeOpenError(path: string, error: Error): string {
  if (/no such file|ENOENT/i.test(error.message))
    return `There is no serial port ${path}: is the card terminal (or its USB adapter) plugged in?`;
  if (/permission denied|EACCES/i.test(error.message))
    return `Not allowed to open ${path}: the till's user must be in the "dialout" group.`;
  if (/lock|busy/i.test(error.message)) return `${path} is in use by another program.`;
  return `Could not open the serial port ${path}: ${error.message}`;
}
