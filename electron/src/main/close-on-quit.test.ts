import { describe, expect, it, vi } from 'vitest';
import { closeOnQuit } from './close-on-quit';
import { asElectron, FakeApp, fakeEvent } from './test-support/fake-electron';

vi.mock('electron', () => ({}));

describe('closeOnQuit', () => {
  it('holds the quit until close is done, closes once, then quits for real', async () => {
    const app = new FakeApp();
    let finish!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    closeOnQuit(asElectron(app), close, vi.fn());

    const first = fakeEvent();
    app.emit('before-quit', first);
    const second = fakeEvent();
    app.emit('before-quit', second);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(second.preventDefault).toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const last = fakeEvent();
    app.emit('before-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('quits anyway when close fails or hangs', async () => {
    const app = new FakeApp();
    const log = vi.fn();
    closeOnQuit(asElectron(app), () => Promise.reject(new Error('busy')), log);
    app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(log).toHaveBeenCalledWith('Closing the till host failed: busy');

    const stuck = new FakeApp();
    const stuckLog = vi.fn();
    closeOnQuit(asElectron(stuck), () => new Promise<void>(() => {}), stuckLog, 20);
    stuck.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(stuck.quit).toHaveBeenCalled());
    expect(stuckLog).toHaveBeenCalledWith('Closing the till host failed: timed out after 20 ms');
  });
});
