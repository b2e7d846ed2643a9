import { isEventName, PosError, type EventName, type HostEvents, type MethodName } from '@pos/core';
import type { ConnectionState, HostBridge } from './host-bridge';
import { unwrapReply } from './reply';

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void; timer: ReturnType<typeof setTimeout> };

export type SocketBridgeOptions = {
  readonly url: string;
  /** Asked after a failed reconnect: does the host still know our token? */
  readonly checkToken?: () => Promise<boolean | null>;
  /** A call with no answer in this time rejects with TIMEOUT (the host may still have done it). */
  readonly callTimeoutMs?: number;
  readonly reconnectMs?: number;
  readonly WebSocketImpl?: typeof WebSocket;
};

/**
 * Browser mode: the contract over the till host's WebSocket. Reconnects by itself; calls made
 * while disconnected fail at once with HOST_UNAVAILABLE so the UI can say so instead of hanging.
 */
export function createSocketBridge(options: SocketBridgeOptions): HostBridge {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retry = options.reconnectMs ?? 500;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of connectionListeners) l(next);
  };

  const failAll = (message: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new PosError('HOST_UNAVAILABLE', message));
      pending.delete(id);
    }
  };

  const connect = () => {
    const ws = new Impl(options.url);
    socket = ws;
    ws.onopen = () => {
      retry = options.reconnectMs ?? 500;
      setState('connected');
    };
    ws.onmessage = (message) => {
      let data: { id?: number; reply?: unknown; event?: unknown; payload?: unknown };
      try {
        data = JSON.parse(String(message.data)) as typeof data;
      } catch {
        return;
      }
      if (typeof data.id === 'number') {
        const p = pending.get(data.id);
        if (!p) return;
        pending.delete(data.id);
        clearTimeout(p.timer);
        try {
          p.resolve(unwrapReply(data.reply as never));
        } catch (error) {
          p.reject(error);
        }
      } else if (isEventName(data.event)) {
        for (const l of listeners.get(data.event) ?? []) l(data.payload as never);
      }
    };
    ws.onclose = () => {
      socket = null;
      failAll('The connection to the till host was lost');
      setState('disconnected');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
      void options.checkToken?.().then((known) => {
        if (known === false && state !== 'connected') setState('unauthorized');
      });
    };
  };
  connect();

  const invoke = (name: MethodName, request?: unknown) =>
    new Promise((resolve, reject) => {
      if (!socket || socket.readyState !== Impl.OPEN) {
        reject(new PosError('HOST_UNAVAILABLE', 'The till host is not connected'));
        return;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new PosError('TIMEOUT', `${name} got no answer from the till host`));
      }, callTimeoutMs);
      pending.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify({ id, method: name, request }));
    });

  return {
    kind: 'socket',
    invoke: invoke as HostBridge['invoke'],
    on<E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

export type SocketAddress = { readonly url: string; readonly token: string };

/** Reads the per-launch token from the URL fragment once, keeps it for reloads of this tab, and hides it. */
export function socketAddressFromLocation(location: Location, storage: Storage, history: History): SocketAddress | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    storage.setItem('pos.hostToken', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = fromHash ?? storage.getItem('pos.hostToken');
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { url: `${scheme}//${location.host}/host?token=${encodeURIComponent(token)}`, token };
}
