import net from 'node:net';
import { asbReply, canPrint, dleEotReply, PRINTER_READY, type FakePrinterStatus } from './dle-eot-status';
import { onlyStatusRequests, scanRequests, type FakeRequest } from './esc-pos-requests';

/**
 * - `normal`: reads each connection to its end, records the bytes, answers DLE EOT, GS a and
 *   GS ( H, kicks its drawer on ESC p, hangs up after the client.
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
  /** How long "printing" takes before a process ID is answered. Default 20 ms. */
  readonly printDelayMs?: number;
  /** False: a clone that ignores GS ( H, so no job is ever confirmed. Default true. */
  readonly answersProcessId?: boolean;
};

export type FakeDrawerKick = { readonly pin: 2 | 5; readonly onMs: number; readonly offMs: number };

export type FakeNetworkPrinter = {
  readonly host: string;
  readonly port: number;
  /** What a till would be configured with: "tcp://127.0.0.1:<port>". */
  readonly target: string;
  /**
   * The bytes of every connection the client closed properly, in order (DLE EOT requests included,
   * as a printer receives them). Connections that sent nothing (probes) or only DLE EOT requests
   * (status queries) are left out.
   */
  readonly receipts: Buffer[];
  /** Connections that only asked DLE EOT statuses. */
  readonly statusQueries: number;
  /** Every ESC p the printer executed, in order. */
  readonly drawerKicks: FakeDrawerKick[];
  /** Process IDs answered (GS ( H fn 48), in order. */
  readonly confirmed: string[];
  /** The bytes read before a connection was reset in `reset-after-bytes` mode. */
  readonly cutOff: Buffer[];
  readonly mode: FakePrinterMode;
  readonly status: FakePrinterStatus;
  /** Called with each receipt as it is recorded; returns the unsubscribe function. */
  onReceipt(listener: (bytes: Buffer) => void): () => void;
  setMode(mode: FakePrinterMode): Promise<void>;
  /**
   * Changes what the sensors say. Connections that turned on Automatic Status Back get the new
   * status at once; a process ID held while the printer could not print is answered once it can.
   */
  setStatus(status: Partial<FakePrinterStatus>): void;
  stop(): Promise<void>;
};

type Connection = {
  readonly socket: net.Socket;
  asb: boolean;
  /** The latest process ID not yet answered: a printer that could not send keeps only the latest. */
  heldId: string | null;
};

/**
 * A network receipt printer on 127.0.0.1 that speaks the raw 9100 protocol, for tests and demos.
 * Automatic Status Back is per connection here (a real printer keeps it until reset): each test's
 * connection starts with it off.
 */
export async function startFakeNetworkPrinter(options: FakeNetworkPrinterOptions = {}): Promise<FakeNetworkPrinter> {
  const host = options.host ?? '127.0.0.1';
  const printDelayMs = options.printDelayMs ?? 20;
  let mode: FakePrinterMode = options.mode ?? { kind: 'normal' };
  let status: FakePrinterStatus = { ...PRINTER_READY, ...options.status };
  const receipts: Buffer[] = [];
  const cutOff: Buffer[] = [];
  const drawerKicks: FakeDrawerKick[] = [];
  const confirmed: string[] = [];
  let statusQueries = 0;
  const listeners = new Set<(bytes: Buffer) => void>();
  const sockets = new Set<net.Socket>();
  const connections = new Set<Connection>();
  let server: net.Server | null = null;
  let port = options.port ?? 0;

  const record = (bytes: Buffer) => {
    receipts.push(bytes);
    for (const listener of [...listeners]) listener(bytes);
  };

  const send = (connection: Connection, bytes: Uint8Array) => {
    if (!connection.socket.destroyed && connection.socket.writable) connection.socket.write(bytes);
  };

  /** "Prints" what came before the request, then answers with the ID (37 22 d1 d2 d3 d4 00). */
  const answerWhenPrinted = (connection: Connection, id: string) => {
    if (!canPrint(status)) {
      connection.heldId = id;
      return;
    }
    connection.heldId = null;
    setTimeout(() => {
      if (!canPrint(status)) {
        connection.heldId = id;
        return;
      }
      confirmed.push(id);
      send(connection, Buffer.concat([Buffer.of(0x37, 0x22), Buffer.from(id, 'latin1'), Buffer.of(0x00)]));
    }, printDelayMs);
  };

  const changeStatus = (next: FakePrinterStatus) => {
    const changed = (Object.keys(next) as (keyof FakePrinterStatus)[]).some((k) => next[k] !== status[k]);
    status = next;
    if (!changed) return;
    for (const connection of connections) {
      if (connection.asb) send(connection, asbReply(status));
      if (connection.heldId !== null && canPrint(status)) answerWhenPrinted(connection, connection.heldId);
    }
  };

  const act = (connection: Connection, request: FakeRequest) => {
    switch (request.kind) {
      case 'dle-eot': {
        const reply = dleEotReply(request.n, status);
        if (reply !== undefined) send(connection, Uint8Array.of(reply));
        return;
      }
      case 'asb':
        connection.asb = request.flags !== 0;
        // A printer sends the first status as soon as ASB is turned on.
        if (connection.asb) send(connection, asbReply(status));
        return;
      case 'drawer-kick':
        drawerKicks.push({ pin: request.pin, onMs: request.onMs, offMs: request.offMs });
        // The solenoid releases the drawer: its switch reports it open until someone shuts it.
        changeStatus({ ...status, drawerOpen: true });
        return;
      case 'process-id':
        if (options.answersProcessId !== false) answerWhenPrinted(connection, request.id);
        return;
    }
  };

  const serve = (socket: net.Socket) => {
    sockets.add(socket);
    const connection: Connection = { socket, asb: false, heldId: null };
    connections.add(connection);
    socket.on('close', () => {
      sockets.delete(socket);
      connections.delete(connection);
    });
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
      const { requests, next } = scanRequests(data, scanned);
      scanned = next;
      for (const request of requests) act(connection, request);
    });
    socket.on('end', () => {
      if (onlyStatusRequests(data)) statusQueries += 1;
      else if (data.length > 0) record(data);
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
    drawerKicks,
    confirmed,
    get statusQueries() {
      return statusQueries;
    },
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
      changeStatus({ ...status, ...next });
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
