import { describe, expect, it, vi } from 'vitest';
import { createWindowOptions, TILL_SCREEN } from './window-options';

// The real module throws without its binary; nothing here may reach it.
vi.mock('electron', () => ({}));

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist/preload.cjs', kiosk: false, devTools: false });

  it('isolates and sandboxes the page, with no Node anywhere', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('fits a 1024×768 till screen and paints its background before showing', () => {
    expect(options).toMatchObject({ minWidth: 1024, minHeight: 768, width: TILL_SCREEN.width, height: TILL_SCREEN.height, show: false });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('goes kiosk and full screen only when asked', () => {
    expect(options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(createWindowOptions({ preloadPath: 'p', kiosk: true, devTools: false })).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it('passes the developer-tools choice through', () => {
    expect(createWindowOptions({ preloadPath: 'p', kiosk: false, devTools: true }).webPreferences?.devTools).toBe(true);
  });
});
