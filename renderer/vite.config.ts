import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer is built once and served by the till host (browser mode) or loaded by Electron. */
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
});
