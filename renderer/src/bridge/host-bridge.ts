import type { EventName, HostApi, HostEvents, MethodName, RequestOf, ResponseOf } from '@pos/core';

/** `unauthorized`: the host answers but not to our token (it restarted): the tab needs the new address. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unauthorized';

/**
 * The renderer's only way to the till host. Errors arrive as typed PosErrors; a lost host is
 * HOST_UNAVAILABLE, which callers of fiscal methods treat as "outcome unknown", never "failed".
 */
export type HostBridge = HostApi & {
  readonly kind: 'ipc' | 'socket';
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
};

export type Invoke = <K extends MethodName>(name: K, ...req: RequestOf<K> extends void ? [] : [RequestOf<K>]) => Promise<ResponseOf<K>>;

export type EventListeners = { [E in EventName]?: Set<(payload: HostEvents[E]) => void> };
