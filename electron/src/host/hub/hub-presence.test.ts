import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubPresence, type HubPresenceOptions } from './hub-presence';

afterEach(() => {
  vi.useRealTimers();
});

function presence(options: Partial<HubPresenceOptions> = {}) {
  const sealed: unknown[] = [];
  const watcher = new HubPresence({
    enrolled: () => true,
    sealedOfflineSince: null,
    seal: async (payload) => sealed.push(payload),
    debounceMs: 60_000,
    now: () => new Date(),
    ...options,
  });
  return { watcher, sealed };
}

describe('the hub lost and found (JET 70 / 120)', () => {
  it('seals nothing for a blip shorter than the debounce', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T10:00:00.000Z') });
    const { watcher, sealed } = presence();
    watcher.observe({ online: false });
    await vi.advanceTimersByTimeAsync(59_000);
    watcher.observe({ online: true });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sealed).toEqual([]);
  });

  it('seals offline once however often the hub fails, then online once with how long it was offline', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T10:00:00.000Z') });
    const { watcher, sealed } = presence();
    watcher.observe({ online: false });
    await vi.advanceTimersByTimeAsync(30_000);
    watcher.observe({ online: false });
    await vi.advanceTimersByTimeAsync(40_000);
    watcher.observe({ online: false });
    await vi.advanceTimersByTimeAsync(500_000);
    expect(sealed).toEqual([{ type: 'hub.offline', since: '2026-12-06T10:00:00.000Z' }]);
    watcher.observe({ online: true });
    watcher.observe({ online: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sealed).toHaveLength(2);
    expect(sealed[1]).toEqual({ type: 'hub.online', offlineSince: '2026-12-06T10:00:00.000Z', offlineMs: 570_000 });
  });

  it('ends an outage sealed before a restart at the first contact', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T10:10:00.000Z') });
    const { watcher, sealed } = presence({ sealedOfflineSince: '2026-12-06T10:00:00.000Z' });
    watcher.observe({ online: false });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sealed).toEqual([]);
    watcher.observe({ online: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sealed).toEqual([{ type: 'hub.online', offlineSince: '2026-12-06T10:00:00.000Z', offlineMs: 720_000 }]);
  });

  it('seals nothing without a hub, nor after it stopped', async () => {
    vi.useFakeTimers();
    const none = presence({ enrolled: () => false });
    none.watcher.observe({ online: false });
    await vi.advanceTimersByTimeAsync(120_000);
    const stopped = presence();
    stopped.watcher.observe({ online: false });
    stopped.watcher.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect([...none.sealed, ...stopped.sealed]).toEqual([]);
  });
});
