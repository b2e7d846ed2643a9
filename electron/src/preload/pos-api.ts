import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isEventName, isMethodName } from '@pos/core/contract/ipc-contract';
import type { EventName, InvokeReply, PreloadApi, ResponseOf } from '@pos/core/contract/ipc-contract';

/** What `window.pos` really is: see PreloadApi in core's contract. */
export type PosApi = PreloadApi;

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Builds the api over ipcRenderer without ever handing ipcRenderer (or an IpcRendererEvent, whose `sender`
 * is ipcRenderer) to the page. Names outside the contract are refused here, before any IPC; main checks
 * again, since it cannot trust a renderer.
 */
export function createPosApi(ipc: PreloadIpc): PosApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  // One ipcRenderer listener for all subscriptions, attached while any exists.
  const dispatch = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (!isEventName(name)) return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload as never);
      } catch (error) {
        // One failing screen must not stop the others from hearing the event.
        console.error(error);
      }
    }
  };
  const subscriptions = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  return {
    invoke(name, ...req) {
      if (!isMethodName(name)) return Promise.reject(new Error(`window.pos.invoke: ${describe(name)} is not a host method`));
      return ipc.invoke(IPC_INVOKE_CHANNEL, name, req[0]) as Promise<InvokeReply<ResponseOf<typeof name>>>;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`window.pos.on: ${describe(event)} is not a host event`);
      if (typeof listener !== 'function') throw new TypeError('window.pos.on: the listener must be a function');
      if (subscriptions() === 0) ipc.on(IPC_EVENT_CHANNEL, dispatch);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // A wrapper, so subscribing the same function twice gives two independent subscriptions.
      const entry = (payload: never): void => listener(payload);
      set.add(entry);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(entry);
        if (subscriptions() === 0) ipc.removeListener(IPC_EVENT_CHANNEL, dispatch);
      };
    },
  } satisfies PosApi;
}

function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `(a ${typeof name})`;
}
