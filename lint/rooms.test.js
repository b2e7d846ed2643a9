import { describe, expect, it } from 'vitest';
import { messages, problems } from './test-support/problems.js';

const CORE_NO_FS = 'core may not import "node:fs" (see docs/architecture.md §1).';

describe('rooms/imports', () => {
  it('keeps core pure', async () => {
    expect(await problems('core/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toEqual([CORE_NO_FS]);
    expect(await problems('core/src/x.ts', "import { a } from '../../renderer/src/y';\nexport const b = a;")).toHaveLength(1);
    expect(await problems('core/src/x.ts', "import React from 'react';\nexport const b = React;")).toHaveLength(1);
    expect(await problems('core/src/x.ts', "import { sha256 } from '@noble/hashes/sha2.js';\nexport const b = sha256;")).toEqual([]);
  });

  it('keeps Electron and Node out of the renderer, and the bridge in its folder', async () => {
    expect(await problems('renderer/src/a.ts', "import { app } from 'electron';\nexport const b = app;")).toHaveLength(1);
    expect(await problems('renderer/src/a.ts', "import os from 'os';\nexport const b = os;")).toHaveLength(1);
    expect(await problems('renderer/src/a.ts', "import { x } from '@pos/hardware/node';\nexport const b = x;")).toHaveLength(1);
    expect(await problems('renderer/src/a.ts', 'export const p = window.pos;')).toEqual([
      'Only renderer/src/bridge may talk to window.pos or the host socket.',
    ]);
    expect(await problems('renderer/src/bridge/a.ts', 'export const p = window.pos;')).toEqual([]);
  });

  it('keeps Electron out of the till host and the hardware drivers', async () => {
    expect(await problems('electron/src/host/a.ts', "import { app } from 'electron';\nexport const b = app;")).toHaveLength(1);
    expect(await problems('hardware/src/node/a.ts', "import { app } from 'electron';\nexport const b = app;")).toHaveLength(1);
    expect(await problems('electron/src/main/a.ts', "import { app } from 'electron';\nexport const b = app;")).toEqual([]);
  });

  it('keeps the hub away from the till', async () => {
    expect(await problems('sync-server/src/a.ts', "import { x } from '../../renderer/src/y';\nexport const b = x;")).toHaveLength(1);
    expect(await problems('sync-server/src/a.ts', "import { app } from 'electron';\nexport const b = app;")).toHaveLength(1);
    expect(await problems('sync-server/src/a.ts', "import { x } from '@pos/hardware/node';\nexport const b = x;")).toHaveLength(1);
    expect(await problems('sync-server/src/a.ts', "import { Pool } from 'pg';\nexport const b = Pool;")).toEqual([]);
  });

  it('fails on a file in a folder no room covers', async () => {
    expect(await problems('core/lib/a.ts', 'export const a = 1;')).toEqual([
      'core/lib/a.ts is in a folder no room covers: add it to lint/rooms.js (and docs/architecture.md) or move it.',
    ]);
    expect(await problems('scripts/a.ts', 'export const a = 1;')).toHaveLength(1);
    expect(await problems('scripts/a.mts', 'export const a = 1;')).toHaveLength(1);
  });
});

describe('rooms/imports reads every kind of source file', () => {
  it.each(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'])('checks .%s files', async (kind) => {
    expect(await problems(`core/src/x.${kind}`, "import fs from 'node:fs';\nexport const a = fs;")).toEqual([CORE_NO_FS]);
  });

  it('parses TypeScript in .mts and .cts files, and JSX in .jsx files', async () => {
    const fatal = async (file, code) => (await messages(file, code)).filter((m) => m.fatal).map((m) => m.message);
    expect(await fatal('core/src/x.mts', 'export const a: number = 1;\nexport type B = { readonly c: string };')).toEqual([]);
    expect(await fatal('core/src/x.cts', "import path = require('node:path');\nexport const a: string = path.sep;")).toEqual([]);
    expect(await fatal('renderer/src/x.jsx', 'export const A = () => <div className="a">{1}</div>;')).toEqual([]);
    expect(await problems('core/src/x.cts', "import path = require('node:path');\nexport const a: string = path.sep;")).toEqual([
      'core may not import "node:path" (see docs/architecture.md §1).',
    ]);
    expect(await problems('renderer/src/x.jsx', "import { app } from 'electron';\nexport const A = () => <div>{app.name}</div>;")).toEqual([
      'renderer may not import "electron" (see docs/architecture.md §1).',
    ]);
  });

  it('fails on a file of a kind it cannot read inside a room, and leaves data alone', async () => {
    expect(await problems('core/src/x.coffee', "fs = require 'fs'")).toEqual([
      'core/src/x.coffee is a .coffee file, which the rule cannot read: write code as .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs, or add the kind to DATA_KINDS in lint/rooms.js if it is data that never runs.',
    ]);
    expect(await problems('renderer/src/App.vue', '<script setup>import { app } from "electron"</script>')).toHaveLength(1);
    expect(await problems('hardware/src/node/run', "#!/usr/bin/env node\nrequire('electron');")).toHaveLength(1);
    expect(await problems('hardware/src/fake/x.hex', '1b40')).toEqual([]);
    expect(await problems('renderer/src/x.css', 'body { margin: 0 }')).toEqual([]);
    expect(await problems('renderer/src/features/.DS_Store', 'Bud1')).toEqual([]);
  });
});

describe('rooms/imports cannot be turned off by a comment', () => {
  const DISARMED = 'A comment may not turn rooms/imports off: change lint/rooms.js (and docs/architecture.md) instead.';

  it.each([
    "// eslint-disable-next-line rooms/imports\nimport fs from 'node:fs';\nexport const a = fs;",
    "import fs from 'node:fs'; // eslint-disable-line rooms/imports -- needed\nexport const a = fs;",
    "/* eslint-disable */\nimport fs from 'node:fs';\nexport const a = fs;",
    "/* eslint-disable rooms/imports, no-console */\nimport fs from 'node:fs';\nexport const a = fs;",
    "/* eslint rooms/imports: off */\nimport fs from 'node:fs';\nexport const a = fs;",
    '/* eslint rooms/imports: ["error", { "root": "/" }] */\nimport fs from \'node:fs\';\nexport const a = fs;',
  ])('still reports, and reports the comment: %s', async (code) => {
    expect((await problems('core/src/x.ts', code)).sort()).toEqual([DISARMED, CORE_NO_FS].sort());
  });

  it('leaves comments about other rules working', async () => {
    const code = '// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test\nexport const a: any = 1;';
    expect(await messages('core/src/x.ts', code)).toEqual([]);
  });
});
