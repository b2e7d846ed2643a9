import type { InvokeReply } from '@pos/core';
import WebSocket from 'ws';

export type HostSocket = {
  invoke(method: string, request?: unknown): Promise<InvokeReply>;
  close(): void;
};

/**
 * The till host's browser-mode socket, spoken directly: what a script in the page (or anything
 * holding the page's token) could send, without the renderer's checks in front.
 */
export async function connectHost(tillUrl: string): Promise<HostSocket> {
  const url = new URL(tillUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${url.host}/host?token=${encodeURIComponent(token)}`, { headers: { origin: `http://${url.host}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waiting = new Map<number, (reply: InvokeReply) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; reply?: InvokeReply };
    if (message.id !== undefined && message.reply) waiting.get(message.id)?.(message.reply);
  });
  let next = 0;
  return {
    invoke(method, request) {
      const id = ++next;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, method, request }));
      });
    },
    close: () => socket.close(),
  };
}
