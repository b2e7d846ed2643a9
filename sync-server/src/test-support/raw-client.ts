import { once } from 'node:events';
import net from 'node:net';

/** Raw HTTP/1.1 over a plain socket, for clients no library would be: ones that stall or dribble. */
export async function rawConnection(url: string): Promise<{ socket: net.Socket; host: string }> {
  const target = new URL(url);
  const socket = net.connect(Number(target.port), target.hostname);
  await once(socket, 'connect');
  return { socket, host: target.host };
}

export function requestHead(method: string, path: string, host: string, headers: Record<string, string>): string {
  const lines = Object.entries({ host, ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('')}\r\n`;
}

/** A client that sends its request and then never reads a byte of the answer. */
export async function neverReadingClient(url: string, path: string, headers: Record<string, string> = {}): Promise<net.Socket> {
  const { socket, host } = await rawConnection(url);
  socket.pause();
  socket.write(requestHead('GET', path, host, headers));
  return socket;
}

/** Resolves when the hub has closed its side (what it sent is collected, for a client that reads). */
export function whenClosed(socket: net.Socket): Promise<string> {
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  return new Promise((resolve) => {
    socket.once('close', () => resolve(received));
    socket.once('error', () => undefined);
  });
}
