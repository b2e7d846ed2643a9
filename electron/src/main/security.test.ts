import { describe, expect, it, vi } from 'vitest';
import { hardenAllWebContents, hardenWebContents } from './security';
import { asElectron, FakeApp, FakeWebContents, fakeEvent } from './test-support/fake-electron';

vi.mock('electron', () => ({}));

const appUrl = 'file:///opt/pos/resources/renderer/index.html';

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(asElectron(contents), appUrl);
  return contents;
}

describe('hardenWebContents', () => {
  it('denies every window.open, whatever the URL', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: appUrl })).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects to another origin or file', () => {
    const contents = hardened();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const navigate = fakeEvent({ url });
      contents.emit('will-navigate', navigate);
      expect(navigate.preventDefault).toHaveBeenCalled();
      const redirect = fakeEvent({ url });
      contents.emit('will-redirect', redirect);
      expect(redirect.preventDefault).toHaveBeenCalled();
    }
  });

  it('lets the till page navigate within itself', () => {
    const contents = hardened();
    const reload = fakeEvent({ url: appUrl });
    contents.emit('will-navigate', reload);
    const hash = fakeEvent({ url: `${appUrl}#/closing` });
    contents.emit('will-navigate', hash);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    expect(hash.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check, and every device', () => {
    const { session } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!(null, permission, callback, { requestingUrl: appUrl });
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!(null, permission, 'file:///', { requestingUrl: appUrl })).toBe(false);
    }
    expect(session.devicePermissionHandler!({ deviceType: 'hid', origin: 'file://' })).toBe(false);
  });

  it('grants durable storage to the till page only', () => {
    const { session } = hardened();
    const granted = vi.fn();
    session.permissionRequestHandler!(null, 'persistent-storage', granted, { requestingUrl: `${appUrl}#/sale` });
    expect(granted).toHaveBeenCalledWith(true);
    const refused = vi.fn();
    session.permissionRequestHandler!(null, 'persistent-storage', refused, { requestingUrl: 'https://evil.example/' });
    expect(refused).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!(null, 'persistent-storage', 'file:///', { requestingUrl: appUrl })).toBe(true);
    const page = new FakeWebContents();
    page.url = appUrl;
    expect(session.permissionCheckHandler!(page, 'persistent-storage', 'file:///', {})).toBe(true);
    expect(session.permissionCheckHandler!(null, 'persistent-storage', 'https://evil.example', {})).toBe(false);
  });
});

describe('hardenAllWebContents', () => {
  it('hardens every web contents the app creates', () => {
    const app = new FakeApp();
    hardenAllWebContents(asElectron(app), appUrl);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const navigate = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
  });
});
