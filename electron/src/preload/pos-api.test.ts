import { EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, METHOD_NAMES } from '@pos/core';
import type { HostApi, InvokeReply, MethodName } from '@pos/core';
import { describe, expect, it, vi } from 'vitest';
import { createPosApi } from './pos-api';
import type { PreloadIpc } from './pos-api';

vi.mock('electron', () => ({}));

type Listener = (...args: unknown[]) => void;

/** ipcRenderer as far as the preload uses it (the preload room has no node:events, so a tiny emitter). */
class FakeIpcRenderer {
  private readonly listeners = new Map<string, Listener[]>();
  readonly invoke = vi.fn(async (_channel: string, name: string): Promise<InvokeReply> => ({ ok: true, value: `reply to ${name}` }));
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.length ?? 0;
  }
  /** Sends from main, the way ipcRenderer hands a message to its listeners: event object first. */
  fromMain(...args: unknown[]): void {
    for (const listener of this.listeners.get(IPC_EVENT_CHANNEL) ?? []) listener({ sender: this, senderId: 0 }, ...args);
  }
}

function api() {
  const ipc = new FakeIpcRenderer();
  return { ipc, pos: createPosApi(ipc as unknown as PreloadIpc) };
}

describe('window.pos.invoke', () => {
  it('sends a contract method on the invoke channel and returns the reply envelope unchanged', async () => {
    const { ipc, pos } = api();
    ipc.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'WRONG_PIN', message: 'Wrong PIN' } });
    await expect(pos.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' })).resolves.toEqual({
      ok: false,
      error: { code: 'WRONG_PIN', message: 'Wrong PIN' },
    });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'session.signIn', { staffId: 'staff-camille', pin: '1234' });
  });

  it('accepts every method of the contract', async () => {
    const { ipc, pos } = api();
    const invoke = pos.invoke as (name: MethodName, req?: unknown) => Promise<unknown>;
    for (const name of METHOD_NAMES) await invoke(name);
    expect(ipc.invoke).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });

  it('refuses any other name before touching IPC, naming it in the error', async () => {
    const { ipc, pos } = api();
    const invoke = pos.invoke as (name: unknown, req?: unknown) => Promise<unknown>;
    await expect(invoke('fs.readFile', '/etc/passwd')).rejects.toThrow(/"fs\.readFile" is not a host method/);
    await expect(invoke('__proto__')).rejects.toThrow(/"__proto__"/);
    await expect(invoke(IPC_INVOKE_CHANNEL)).rejects.toThrow(/pos:invoke/);
    await expect(invoke(42)).rejects.toThrow(/\(a number\)/);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('forwards only the one request argument', async () => {
    const { ipc, pos } = api();
    const invoke = pos.invoke as (...args: unknown[]) => Promise<unknown>;
    await invoke('catalog.pull', { checkpoint: null, limit: 10 }, 'extra', 'args');
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'catalog.pull', { checkpoint: null, limit: 10 });
  });
});

describe('window.pos.on', () => {
  it('delivers the payload of the subscribed event only, never the IPC event object', () => {
    const { ipc, pos } = api();
    const listener = vi.fn();
    pos.on('host.notice', listener);
    ipc.fromMain('printer.status', { state: 'ready' });
    ipc.fromMain('host.notice', { level: 'info', message: 'hi' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ level: 'info', message: 'hi' });
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('accepts every event of the contract and refuses any other name', () => {
    const { ipc, pos } = api();
    const on = pos.on as (event: unknown, listener: unknown) => () => void;
    for (const name of EVENT_NAMES) on(name, () => {})();
    expect(() => on('pos:invoke', () => {})).toThrow(/"pos:invoke" is not a host event/);
    expect(() => on('constructor', () => {})).toThrow(/not a host event/);
    expect(() => on('host.notice', 'not a function')).toThrow(TypeError);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });

  it('returns an unsubscribe that stops delivery and is safe to call twice', () => {
    const { ipc, pos } = api();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = pos.on('host.notice', first);
    pos.on('host.notice', second);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    offFirst();
    offFirst();
    ipc.fromMain('host.notice', { level: 'info', message: 'x' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('detaches from ipcRenderer when the last subscription goes, and reattaches on the next', () => {
    const { ipc, pos } = api();
    const off = pos.on('printer.status', vi.fn());
    off();
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    const listener = vi.fn();
    pos.on('printer.status', listener);
    ipc.fromMain('printer.status', { state: 'offline' });
    expect(listener).toHaveBeenCalledWith({ state: 'offline' });
  });

  it('keeps delivering to the others when one listener throws', () => {
    const { ipc, pos } = api();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    pos.on('host.notice', () => {
      throw new Error('broken screen');
    });
    pos.on('host.notice', after);
    ipc.fromMain('host.notice', { level: 'error', message: 'x' });
    expect(after).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('has the HostApi `on` signature', () => {
    const { pos } = api();
    const on: HostApi['on'] = pos.on;
    expect(typeof on).toBe('function');
  });
});
