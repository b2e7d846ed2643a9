import type { EventName, InvokeReply } from '@pos/core';

/**
 * Browser mode's wire format over the host socket: the same contract as Electron's IPC, as JSON.
 * client → host: { id, method, request }   host → client: { id, reply } | { event, payload }
 */
export type SocketRequest = { readonly id: number; readonly method: string; readonly request?: unknown };
export type SocketReply = { readonly id: number; readonly reply: InvokeReply };
export type SocketEvent = { readonly event: EventName; readonly payload: unknown };

export function parseSocketRequest(raw: string): SocketRequest | { readonly error: string; readonly id?: number } {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return { error: 'message is not JSON' };
  }
  if (typeof message !== 'object' || message === null) return { error: 'message must be an object' };
  const m = message as Record<string, unknown>;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) return { error: 'message needs a numeric id' };
  if (typeof m.method !== 'string') return { error: 'message needs a method', id: m.id };
  return { id: m.id, method: m.method, request: m.request };
}
