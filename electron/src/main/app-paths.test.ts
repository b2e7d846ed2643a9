import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './app-paths';

describe('resolveAppPaths', () => {
  const mainDir = path.resolve('/repo/electron/dist');

  it('in development, finds the preload beside main.cjs and the renderer build of the workspace', () => {
    const paths = resolveAppPaths({ mainDir, isPackaged: false, resourcesPath: '/ignored', rendererOverride: null });
    expect(paths.preload).toBe(path.join(mainDir, 'preload.cjs'));
    expect(paths.rendererIndex).toBe(path.resolve('/repo/renderer/dist/index.html'));
    expect(paths.appUrl).toBe(pathToFileURL(paths.rendererIndex).href);
  });

  it('in a package, finds the renderer in resources/renderer', () => {
    const paths = resolveAppPaths({
      mainDir: '/opt/pos/resources/app.asar/dist',
      isPackaged: true,
      resourcesPath: '/opt/pos/resources',
      rendererOverride: '/tmp/x.html',
    });
    expect(paths.preload).toBe(path.join('/opt/pos/resources/app.asar/dist', 'preload.cjs'));
    expect(paths.rendererIndex).toBe(path.join('/opt/pos/resources', 'renderer', 'index.html'));
  });

  it('honours a renderer override in development only', () => {
    const paths = resolveAppPaths({ mainDir, isPackaged: false, resourcesPath: '/ignored', rendererOverride: '/tmp/dev/index.html' });
    expect(paths.rendererIndex).toBe(path.resolve('/tmp/dev/index.html'));
  });
});
