// Bundles the till's Node side with esbuild: the Electron main process and preload (CommonJS,
// as Electron loads them), and the launcher that starts Electron or, failing that, browser mode.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const { version } = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { POS_APP_VERSION: JSON.stringify(version) },
  // Native modules load their own prebuilt binaries at run time; Electron is provided by Electron.
  external: ['electron', 'node-hid', 'serialport', '@serialport/*'],
};

await Promise.all([
  build({ ...common, entryPoints: [path.join(here, 'src/main/main.ts')], outfile: path.join(here, 'dist/main.cjs') }),
  build({ ...common, entryPoints: [path.join(here, 'src/preload/preload.ts')], outfile: path.join(here, 'dist/preload.cjs') }),
  build({ ...common, entryPoints: [path.join(here, 'src/launch/start.ts')], outfile: path.join(here, 'dist/start.cjs') }),
]);
