import net from 'node:net';

export type TcpConnection = { readonly ok: true; readonly socket: net.Socket } | { readonly ok: false; readonly reason: string };

/**
 * Opens a TCP connection or says, in words, why not. Whatever fails here failed before a single
 * byte of a request left the till, which is what lets a driver call it a certain non-charge.
 */
export function connectTcp(host: string, port: number, timeoutMs: number): Promise<TcpConnection> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, reason: `no connection to ${host}:${port} within ${timeoutMs} ms` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve({ ok: true, socket });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({
        ok: false,
        reason: `${host}:${port} ${error.code === 'ECONNREFUSED' ? 'refused the connection' : (error.code ?? error.message)}`,
      });
    });
  });
}
