// Bundles the hub's command line (server and admin commands) into one CommonJS file.
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
await build({
  entryPoints: [path.join(here, 'src/cli.ts')],
  outfile: path.join(here, 'dist/cli.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // PGlite loads its WebAssembly and data files from its own package folder; pg's native binding is optional.
  external: ['@electric-sql/pglite', 'pg-native'],
  // The sources find their files (SQL migrations, the repository's .data) from import.meta.url; in
  // CommonJS that is the bundle's own file.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: '#!/usr/bin/env node\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
