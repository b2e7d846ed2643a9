import type { BrowserWindowConstructorOptions } from 'electron';
import type { CustomerDisplaySettings } from '@pos/core';
import { WINDOW_BACKGROUND } from './window-options';

export type ScreenInfo = {
  readonly id: number;
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
};

/**
 * The screen the customer faces: the one the manager chose (by its number), else the first that
 * is not the till's own. Null when there is none: a till with one screen has no customer window.
 */
export function customerScreen(screens: readonly ScreenInfo[], primaryId: number, setting: CustomerDisplaySettings): ScreenInfo | null {
  if (!setting.window) return null;
  if (setting.screen !== null) return screens[setting.screen] ?? null;
  return screens.find((s) => s.id !== primaryId) ?? null;
}

/**
 * The customer's window: full screen on its display, never focusable (the cashier's keys and
 * scans must never land there), the same hardened web preferences as the till's window.
 */
export function customerWindowOptions(tillWindow: BrowserWindowConstructorOptions, screen: ScreenInfo): BrowserWindowConstructorOptions {
  return {
    ...tillWindow,
    ...screen.bounds,
    minWidth: undefined,
    minHeight: undefined,
    show: false,
    focusable: false,
    kiosk: false,
    fullscreen: true,
    frame: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: { ...tillWindow.webPreferences, devTools: false },
  };
}
