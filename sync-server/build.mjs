// Bundles the hub's command line (server and admin commands) into one CommonJS file, and the
// independent archive verifier into one ES module that runs with Node alone (dist/verify-archive.mjs
// at the repository's root). `--verifier`: the verifier only; `--out FILE`: the verifier's bundle there.
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;

/** The verifier: core's archive checks, the zip reader, Node's crypto and zlib; nothing to install. */
export async function buildVerifier(outfile = path.join(here, '..', 'dist', 'verify-archive.mjs')) {
  await build({
    entryPoints: [path.join(here, 'src/archive-verifier/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
  });
}

const out = process.argv.indexOf('--out');
await buildVerifier(out > 0 ? path.resolve(process.argv[out + 1]) : undefined);
if (!process.argv.includes('--verifier'))
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
