import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@pos/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcRelay } from './ipc-relay';
import { FakeIpcMain, FakeWebContents, FakeWindow, fakeHost } from './test-support/fake-electron';
import type { FakeHost } from './test-support/fake-electron';

vi.mock('electron', () => ({}));

const appUrl = 'file:///opt/pos/resources/renderer/index.html';

describe('registerIpcRelay', () => {
  let ipcMain: FakeIpcMain;
  let host: FakeHost;
  let window: FakeWindow;
  let windows: FakeWindow[];
  let dispose: () => void;

  const fromTill = (url = appUrl) => ({ sender: window.webContents, senderFrame: { url, parent: null } });

  beforeEach(() => {
    ipcMain = new FakeIpcMain();
    host = fakeHost();
    window = new FakeWindow();
    window.webContents.url = appUrl;
    windows = [window];
    dispose = registerIpcRelay(ipcMain, host, () => windows, appUrl);
  });

  it('relays an allowed method to the host and returns its reply unchanged', async () => {
    const reply = await ipcMain.invoke(IPC_INVOKE_CHANNEL, fromTill(), 'session.signIn', { staffId: 'staff-camille', pin: '1234' });
    expect(host.invoke).toHaveBeenCalledWith('session.signIn', { staffId: 'staff-camille', pin: '1234' });
    expect(reply).toEqual({ ok: true, value: { name: 'session.signIn', request: { staffId: 'staff-camille', pin: '1234' } } });
  });

  it('passes an error envelope from the host through', async () => {
    host.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'WRONG_PIN', message: 'Wrong PIN' } });
    expect(await ipcMain.invoke(IPC_INVOKE_CHANNEL, fromTill(), 'session.signIn', { staffId: 'staff-camille', pin: '0000' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PIN', message: 'Wrong PIN' },
    });
  });

  it('turns a host that throws anyway into an INTERNAL envelope', async () => {
    host.invoke.mockRejectedValueOnce(new Error('disk full'));
    expect(await ipcMain.invoke(IPC_INVOKE_CHANNEL, fromTill(), 'host.hello')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk full' },
    });
  });

  it('refuses names outside the contract without calling the host', async () => {
    for (const name of ['fs.readFile', '__proto__', 'constructor', 42, null, { toString: () => 'host.hello' }]) {
      const reply = await ipcMain.invoke(IPC_INVOKE_CHANNEL, fromTill(), name, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(host.invoke).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not on the till page', async () => {
    const reply = await ipcMain.invoke(IPC_INVOKE_CHANNEL, fromTill('https://evil.example/'), 'host.hello');
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.invoke).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame, a vanished frame and a web contents that is not our window', async () => {
    const subFrame = { sender: window.webContents, senderFrame: { url: appUrl, parent: {} } };
    const vanished = { sender: window.webContents, senderFrame: null };
    const stranger = { sender: new FakeWebContents(), senderFrame: { url: appUrl, parent: null } };
    for (const event of [subFrame, vanished, stranger]) {
      expect(await ipcMain.invoke(IPC_INVOKE_CHANNEL, event, 'host.hello')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    window.destroyed = true;
    expect(await ipcMain.invoke(IPC_INVOKE_CHANNEL, fromTill(), 'host.hello')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.invoke).not.toHaveBeenCalled();
  });

  it('forwards every host event to the till windows on the event channel', () => {
    const second = new FakeWindow();
    second.webContents.url = `${appUrl}#/other`;
    windows.push(second);
    const status = { state: 'ready', target: 'tcp://10.0.0.5:9100', checkedAt: '2025-01-01T00:00:00Z' };
    host.emit('printer.status', status);
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'printer.status', status);
    expect(second.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'printer.status', status);
  });

  it('skips destroyed windows and windows that are not on the till page', () => {
    const gone = new FakeWindow();
    gone.destroyed = true;
    const elsewhere = new FakeWindow();
    elsewhere.webContents.url = 'https://evil.example/';
    windows.push(gone, elsewhere);
    host.emit('host.notice', { level: 'info', message: 'hello' });
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
    expect(gone.webContents.send).not.toHaveBeenCalled();
    expect(elsewhere.webContents.send).not.toHaveBeenCalled();
  });

  it('disposes: removes the handler and the subscription, once', async () => {
    expect(host.listenerCount()).toBe(1);
    dispose();
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(1);
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL);
    expect(host.listenerCount()).toBe(0);
    await expect(ipcMain.invoke(IPC_INVOKE_CHANNEL, fromTill(), 'host.hello')).rejects.toThrow(/No handler/);
    host.emit('host.notice', { level: 'info', message: 'after' });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
