import { PosError, type InvokeReply, type MethodName, type PreloadApi } from '@pos/core';
import type { HostBridge } from './host-bridge';
import { unwrapReply } from './reply';

/** The preload's window.pos returns raw envelopes; this bridge turns them into values or typed errors. */
type RawPreloadApi = {
  invoke(name: MethodName, request?: unknown): Promise<InvokeReply>;
  on: PreloadApi['on'];
};

export function createIpcBridge(api: RawPreloadApi): HostBridge {
  return {
    kind: 'ipc',
    invoke: (async (name: MethodName, request?: unknown) => {
      let reply: InvokeReply;
      try {
        reply = await api.invoke(name, request);
      } catch (error) {
        throw new PosError('HOST_UNAVAILABLE', `The till host did not answer: ${(error as Error).message}`);
      }
      return unwrapReply(reply);
    }) as HostBridge['invoke'],
    on: (event, listener) => api.on(event, listener),
    connection: () => 'connected',
    onConnection: () => () => undefined,
  };
}

export function preloadApi(): RawPreloadApi | null {
  const candidate = (window as unknown as { pos?: PreloadApi }).pos;
  return candidate && typeof candidate.invoke === 'function' ? (candidate as unknown as RawPreloadApi) : null;
}
