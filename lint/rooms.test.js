import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function problems(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'rooms/imports').map((m) => m.message);
}

describe('rooms/imports', () => {
  it('keeps core pure', async () => {
    expect(await problems('core/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toEqual([
      'core may not import "node:fs" (see docs/architecture.md §1).',
    ]);
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
  });
});
