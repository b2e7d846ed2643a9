import { IPC_INVOKE_CHANNEL } from '@pos/core';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  it('exposes exactly one object, window.pos, with exactly invoke and on', async () => {
    await import('./preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(key).toBe('pos');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    // Nothing of ipcRenderer leaks through the object.
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke);
  });

  it('goes through the contract channel and refuses names outside it', async () => {
    await import('./preload');
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      { invoke: (name: string, req?: unknown) => Promise<unknown> },
    ];
    await api.invoke('printer.status');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'printer.status', undefined);
    await expect(api.invoke('shell.openExternal', 'https://evil.example/')).rejects.toThrow(/shell\.openExternal/);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });
});
