import { defineConfig } from 'vitest/config';

/**
 * One Vitest run, one project per package: units and integration beside the code, end-to-end
 * tests (real Chromium against the till host in browser mode) in tests/.
 */
export default defineConfig({
  test: {
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
        test: {
          name: 'e2e',
          root: 'tests',
          environment: 'node',
          include: ['**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
