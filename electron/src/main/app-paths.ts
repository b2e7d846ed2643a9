import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type AppPathsInput = {
  /** The folder of the running main.cjs (its __dirname). */
  readonly mainDir: string;
  readonly isPackaged: boolean;
  /** process.resourcesPath: where electron-builder's extraResources land in a package. */
  readonly resourcesPath: string;
  /** A development override of the renderer page; ignored in a packaged till. */
  readonly rendererOverride: string | null;
};

export type AppPaths = {
  readonly preload: string;
  readonly rendererIndex: string;
  /** The file:// URL of rendererIndex: the only page the window may show and IPC may come from. */
  readonly appUrl: string;
};

/**
 * Every path the shell needs, decided in one place. The preload sits next to main.cjs in both layouts;
 * the renderer is the workspace's build in development and build/electron-builder.yml's
 * `extraResources` copy (resources/renderer) in a package.
 */
export function resolveAppPaths(input: AppPathsInput): AppPaths {
  const preload = path.join(input.mainDir, 'preload.cjs');
  const rendererIndex = input.isPackaged
    ? path.join(input.resourcesPath, 'renderer', 'index.html')
    : path.resolve(input.rendererOverride ?? path.join(input.mainDir, '..', '..', 'renderer', 'dist', 'index.html'));
  return { preload, rendererIndex, appUrl: pathToFileURL(rendererIndex).href };
}
