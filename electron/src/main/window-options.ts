import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowOptionsInput = {
  readonly preloadPath: string;
  /** A till in a shop runs full screen with no way out to the desktop. */
  readonly kiosk: boolean;
  /** Developer tools only where a developer is: never in a packaged till. */
  readonly devTools: boolean;
};

/** The smallest till screen we support; the layout is designed for it. */
export const TILL_SCREEN = { width: 1024, height: 768 } as const;

/** renderer/src/styles.css --bg: a slow first paint then shows no flash of another colour. */
export const WINDOW_BACKGROUND = '#f4f5f7';

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: TILL_SCREEN.width,
    height: TILL_SCREEN.height,
    minWidth: TILL_SCREEN.width,
    minHeight: TILL_SCREEN.height,
    // Shown on 'ready-to-show', so the cashier never sees a half-drawn page.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: true,
    kiosk: input.kiosk,
    fullscreen: input.kiosk,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A file dropped on the till must not replace the app with that file.
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
