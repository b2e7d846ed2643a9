import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const outDir = path.join(import.meta.dirname, '..', 'dist', 'office');

/** Text files worth compressing; below 1 KiB the headers cost more than they save. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|map|txt)$/;
const MIN_BYTES = 1024;

/**
 * Brotli and gzip copies beside each built file, made once at build time at the highest levels, so
 * the hub sends them as they are (office-web-routes.ts) instead of compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'pos-precompress',
    apply: 'build',
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const bytes = readFileSync(file);
        if (bytes.length < MIN_BYTES) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The back office, built into the hub's dist (dist/office) and served by it under /office/: one
 * chunk per page (lazy routes), content-hashed names the hub caches for ever.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  base: '/office/',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // bwip-js (the TOTP QR code, ~900 kB, ~200 kB in brotli) is its own chunk, loaded only by the enrollment page.
    chunkSizeWarningLimit: 1024,
  },
});
