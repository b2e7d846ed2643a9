import net from 'node:net';
import type { BehaviourChoice } from './behaviour-choice';
import type { SimulatorTimers } from './simulator-timers';
import type { TcpSimulator } from './tcp-simulator-types';

export type TcpSimulatorServer = {
  readonly host: string;
  /** The port listened on: the one asked for, or the ephemeral one given for 0. */
  readonly port: number;
  /** Drops every connection, then stops listening. */
  close(): Promise<void>;
};

/** Listens as a network card terminal does; each connection is the simulator's to answer. */
export async function listenTcpSimulator(
  options: { readonly host?: string; readonly port?: number },
  onConnection: (socket: net.Socket) => void,
): Promise<TcpSimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A till hanging up mid-exchange is what tests do on purpose.
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  return {
    host,
    port: typeof address === 'object' && address ? address.port : 0,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a network simulator gives its test: where it listens, what it read, its behaviour to set, and close(). */
export function tcpSimulatorHandle<Behaviour, Received>(
  server: TcpSimulatorServer,
  received: Received[],
  choice: BehaviourChoice<Behaviour | 'by-amount'>,
  timers: Pick<SimulatorTimers, 'clear'>,
): TcpSimulator<Behaviour, Received> {
  return {
    host: server.host,
    port: server.port,
    received,
    setBehaviour: (behaviour, scope = 'always') => choice.set(behaviour, scope),
    async close() {
      timers.clear();
      await server.close();
    },
  };
}
