import type { App, Session, WebContents } from 'electron';
import { isAppPage } from './app-page';

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * The one browser permission the till page gets: durable storage, so Chromium never evicts sales that
 * are not synced yet (docs/architecture.md §3 asks for navigator.storage.persist()).
 */
export const TILL_PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * Everything else is denied, to every page: no camera, microphone, location or notifications, and no
 * WebHID, WebSerial or WebUSB either, because devices are the host's job.
 */
export function guardPermissions(session: GuardedSession, appUrl: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(TILL_PAGE_PERMISSIONS.has(permission) && isAppPage(details.requestingUrl, appUrl));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) => {
    const url = details.requestingUrl ?? contents?.getURL() ?? '';
    return TILL_PAGE_PERMISSIONS.has(permission) && isAppPage(url, appUrl);
  });
  session.setDevicePermissionHandler(() => false);
}

export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'> & { readonly session: GuardedSession };

/**
 * Keeps a web contents on the till's own page: no pop-up windows, no navigation or redirect elsewhere,
 * no <webview>. A link or script that tries any of these is simply ignored.
 */
export function hardenWebContents(contents: HardenableContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  guardPermissions(contents.session, appUrl);
}

/**
 * Applies the guards to every web contents the app ever creates (windows, devtools, anything Chromium
 * makes), so a contents created by a path we did not think of is hardened too.
 */
export function hardenAllWebContents(app: Pick<App, 'on'>, appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));
}
