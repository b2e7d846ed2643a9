import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance';
import { asElectron, FakeApp, FakeWindow } from './test-support/fake-electron';

vi.mock('electron', () => ({}));

describe('claimSingleInstance', () => {
  it('quits a second instance', () => {
    const app = new FakeApp();
    app.hasLock = false;
    expect(claimSingleInstance(asElectron(app), () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the first instance’s window back when a second one starts', () => {
    const app = new FakeApp();
    const window = new FakeWindow();
    window.minimized = true;
    expect(claimSingleInstance(asElectron(app), () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['pos', '--kiosk'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('ignores a second instance before the window exists or after it is gone', () => {
    const app = new FakeApp();
    const window = new FakeWindow();
    window.destroyed = true;
    let current: FakeWindow | null = null;
    claimSingleInstance(asElectron(app), () => current);
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
    current = window;
    app.emit('second-instance', {}, [], '/');
    expect(window.focus).not.toHaveBeenCalled();
  });
});
