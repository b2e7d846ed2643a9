import net from 'node:net';
import { dleEotReply, PRINTER_READY, type FakePrinterStatus } from './dle-eot-status';

/**
 * - `normal`: reads each connection to its end, records the bytes, answers DLE EOT, hangs up.
 * - `refuse`: not listening, so connections are refused (a printer switched off).
 * - `reset-after-bytes`: resets each connection once it has read `bytes` bytes (cable pulled mid-receipt).
 * - `hang`: accepts connections and never reads or answers (a printer stuck offline).
 */
export type FakePrinterMode =
  | { readonly kind: 'normal' }
  | { readonly kind: 'refuse' }
  | { readonly kind: 'reset-after-bytes'; readonly bytes: number }
  | { readonly kind: 'hang' };

export type FakeNetworkPrinterOptions = {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port, read it back from `port`. */
  readonly port?: number;
  readonly mode?: FakePrinterMode;
  readonly status?: Partial<FakePrinterStatus>;
};

export type FakeNetworkPrinter = {
  readonly host: string;
  readonly port: number;
  /** What a till would be configured with: "tcp://127.0.0.1:<port>". */
  readonly target: string;
  /**
   * The bytes of every connection the client closed properly, in order (DLE EOT requests included,
   * as a printer receives them). Connections that sent nothing (probes) are left out.
   */
  readonly receipts: Buffer[];
  /** The bytes read before a connection was reset in `reset-after-bytes` mode. */
  readonly cutOff: Buffer[];
  readonly mode: FakePrinterMode;
  readonly status: FakePrinterStatus;
  /** Called with each receipt as it is recorded; returns the unsubscribe function. */
  onReceipt(listener: (bytes: Buffer) => void): () => void;
  setMode(mode: FakePrinterMode): Promise<void>;
  setStatus(status: Partial<FakePrinterStatus>): void;
  stop(): Promise<void>;
};

const DLE = 0x10;
const EOT = 0x04;

/** A network receipt printer on 127.0.0.1 that speaks the raw 9100 protocol, for tests and demos. */
export async function startFakeNetworkPrinter(options: FakeNetworkPrinterOptions = {}): Promise<FakeNetworkPrinter> {
  const host = options.host ?? '127.0.0.1';
  let mode: FakePrinterMode = options.mode ?? { kind: 'normal' };
  let status: FakePrinterStatus = { ...PRINTER_READY, ...options.status };
  const receipts: Buffer[] = [];
  const cutOff: Buffer[] = [];
  const listeners = new Set<(bytes: Buffer) => void>();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = options.port ?? 0;

  const record = (bytes: Buffer) => {
    receipts.push(bytes);
    for (const listener of [...listeners]) listener(bytes);
  };

  const serve = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Clients reset connections in several of our scenarios: that is data, not a crash.
    socket.on('error', () => undefined);
    const connectionMode = mode;
    if (connectionMode.kind === 'hang') {
      socket.pause();
      return;
    }
    let data = Buffer.alloc(0);
    let scanned = 0;
    socket.on('data', (chunk: Buffer) => {
      if (connectionMode.kind === 'reset-after-bytes' && data.length + chunk.length >= connectionMode.bytes) {
        cutOff.push(Buffer.concat([data, chunk]).subarray(0, connectionMode.bytes));
        socket.resetAndDestroy();
        return;
      }
      data = Buffer.concat([data, chunk]);
      scanned = answerStatusRequests(socket, data, scanned, status);
    });
    socket.on('end', () => {
      if (data.length > 0) record(data);
      socket.end();
    });
  };

  const listen = async () => {
    const next = net.createServer({ allowHalfOpen: true }, serve);
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, host, () => {
        next.off('error', reject);
        resolve();
      });
    });
    port = (next.address() as net.AddressInfo).port;
    server = next;
  };

  const stopListening = () => {
    const current = server;
    server = null;
    // close() stops accepting at once; its callback waits for open connections, which we do not.
    current?.close();
  };

  await listen();
  if (mode.kind === 'refuse') stopListening();

  return {
    host,
    get port() {
      return port;
    },
    get target() {
      return `tcp://${host}:${port}`;
    },
    receipts,
    cutOff,
    get mode() {
      return mode;
    },
    get status() {
      return status;
    },
    onReceipt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setMode(next) {
      mode = next;
      if (next.kind === 'refuse') stopListening();
      else if (!server) await listen();
    },
    setStatus(next) {
      status = { ...status, ...next };
    },
    async stop() {
      listeners.clear();
      const current = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
}

/**
 * Answers each complete DLE EOT n found after `from` (a request split across packets is answered
 * when its last byte arrives), and returns where the next scan starts. Like a real printer, it
 * cannot tell a request from the same bytes inside other data.
 */
function answerStatusRequests(socket: net.Socket, data: Buffer, from: number, status: FakePrinterStatus): number {
  let i = from;
  while (i + 2 < data.length) {
    if (data[i] === DLE && data[i + 1] === EOT) {
      const reply = dleEotReply(data[i + 2]!, status);
      if (reply !== undefined) socket.write(Uint8Array.of(reply));
      i += 3;
    } else {
      i += 1;
    }
  }
  return i;
}
