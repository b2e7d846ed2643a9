import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * One Vitest run, one project per package: units and integration beside the code, end-to-end
 * tests (real Chromium against the till host in browser mode) in tests/.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: a single worker on a 2-core CI machine,
    // while most hub files wait on PostgreSQL or PGlite more than they compute.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { test: { name: 'lint', root: 'lint', environment: 'node', include: ['*.test.js'] } },
      { test: { name: 'core', root: 'core', environment: 'node', include: ['src/**/*.test.ts'] } },
      { test: { name: 'hardware', root: 'hardware', environment: 'node', include: ['src/**/*.test.ts'] } },
      { test: { name: 'electron', root: 'electron', environment: 'node', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'hub',
          root: 'sync-server',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: './renderer/vite.config.ts',
        test: {
          name: 'renderer',
          root: 'renderer',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test-setup.ts'],
        },
      },
      {
        extends: './sync-server/web/vite.config.ts',
        test: {
          name: 'office-web',
          root: 'sync-server/web',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test-setup.ts'],
        },
      },
      {
        // The hub and till processes, sync, fiscal files, devices and packaging: each file in its own
        // temporary directories and ports, so files run side by side like the units.
        test: {
          name: 'integration',
          root: 'tests',
          environment: 'node',
          include: ['{sync,fiscal,devices,packaging,rigs}/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Chromium against the till and the back office: one file at a time, after the rest, so a
        // browser's timings never share the machine with another browser.
        test: {
          name: 'e2e',
          root: 'tests',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
