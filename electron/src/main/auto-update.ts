import type { AppUpdater } from 'electron-updater';

/** A feed named at launch, or the app-update.yml electron-builder wrote from the `publish` setting. */
export type UpdateFeed = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'embedded' };

export type UpdateFeedInput = {
  readonly isPackaged: boolean;
  readonly updateUrl: string | null;
  readonly embeddedConfigExists: boolean;
};

/** Never in development: a dev build must not replace itself with a released till. */
export function resolveUpdateFeed(input: UpdateFeedInput): UpdateFeed | null {
  if (!input.isPackaged) return null;
  if (input.updateUrl !== null) return { kind: 'url', url: input.updateUrl };
  return input.embeddedConfigExists ? { kind: 'embedded' } : null;
}

export type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates'>;

/** A till runs all day; a few checks a day find an update without hammering the server. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Checks now and then periodically. electron-updater downloads in the background and installs when the
 * till quits (its default), so an update never interrupts a sale. Returns a function stopping the checks.
 */
export function startAutoUpdates(updater: Updater, feed: UpdateFeed, log: (message: string) => void): () => void {
  if (feed.kind === 'url') updater.setFeedURL({ provider: 'generic', url: feed.url });
  const check = (): void => {
    updater
      .checkForUpdates()
      .catch((error: unknown) => log(`Update check failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  check();
  const timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  // The timer alone must never keep a quitting till alive.
  timer.unref();
  return () => clearInterval(timer);
}
