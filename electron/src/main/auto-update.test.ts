import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveUpdateFeed, startAutoUpdates, UPDATE_CHECK_INTERVAL_MS } from './auto-update';

vi.mock('electron', () => ({}));

describe('resolveUpdateFeed', () => {
  it('never updates a development run', () => {
    expect(resolveUpdateFeed({ isPackaged: false, updateUrl: 'https://u.example/', embeddedConfigExists: true })).toBeNull();
  });

  it('prefers the URL named at launch, then the packaged app-update.yml, else nothing', () => {
    expect(resolveUpdateFeed({ isPackaged: true, updateUrl: 'https://u.example/', embeddedConfigExists: true })).toEqual({
      kind: 'url',
      url: 'https://u.example/',
    });
    expect(resolveUpdateFeed({ isPackaged: true, updateUrl: null, embeddedConfigExists: true })).toEqual({ kind: 'embedded' });
    expect(resolveUpdateFeed({ isPackaged: true, updateUrl: null, embeddedConfigExists: false })).toBeNull();
  });
});

describe('startAutoUpdates', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sets a generic feed, checks now and every few hours, and stops', async () => {
    vi.useFakeTimers();
    const updater = { setFeedURL: vi.fn(), checkForUpdates: vi.fn(async () => null) };
    const stop = startAutoUpdates(updater, { kind: 'url', url: 'https://u.example/till/' }, vi.fn());
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://u.example/till/' });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('keeps the embedded feed and logs a failed check instead of crashing', async () => {
    const log = vi.fn();
    const updater = { setFeedURL: vi.fn(), checkForUpdates: vi.fn(async () => Promise.reject(new Error('offline'))) };
    const stop = startAutoUpdates(updater, { kind: 'embedded' }, log);
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('Update check failed: offline'));
    stop();
  });
});
