import net from 'node:net';
import { listenTcpSimulator, type TcpSimulatorServer } from '../fake/terminal/tcp-simulator-server';

/** A port on 127.0.0.1 that was just free and now has no listener: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A listener on 127.0.0.1 that takes connections and never says a word. */
export function silentServer(): Promise<TcpSimulatorServer> {
  return listenTcpSimulator({}, () => undefined);
}
