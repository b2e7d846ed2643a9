import { describe, expect, it } from 'vitest';
import { problems } from './test-support/problems.js';

const NO_ELECTRON = 'renderer may not import "electron" (see docs/architecture.md §1).';
const dynamic = (how) => `${how} loads a module the rule cannot name: write the specifier as a string literal.`;

describe('rooms/imports checks every way of naming a module', () => {
  it.each([
    "export { app } from 'electron';",
    "export * from 'electron';",
    "export * as e from 'electron';",
    "import type { App } from 'electron';\nexport type A = App;",
    "export type { App } from 'electron';",
    "import { type App } from 'electron';\nexport type A = App;",
    "import e = require('electron');\nexport const a = e;",
    "import type e = require('electron');\nexport type A = typeof e;",
    "export type A = typeof import('electron');",
    "export type A = import('electron').App;",
    "declare module 'electron' {\n  interface App {\n    x: 1;\n  }\n}",
    "export const a = import('electron');",
    'export const a = import(`electron`);',
    "export const a = require('electron');",
    "export const a = module.require('electron');",
    "const r = require;\nexport const a = r('electron');",
    "export const a = globalThis.require('electron');",
    "export const a = window['require']('electron');",
  ])('in the renderer: %s', async (code) => {
    expect(await problems('renderer/src/a.ts', code)).toEqual([NO_ELECTRON]);
  });

  it('reads type imports in JSDoc and triple-slash references', async () => {
    expect(await problems('renderer/src/a.js', "/** @type {import('electron').App | null} */\nexport const a = null;")).toEqual([
      NO_ELECTRON,
    ]);
    expect(await problems('core/src/a.ts', '/// <reference types="node" />\nexport const a = 1;')).toEqual([
      'core may not import "node:" (see docs/architecture.md §1).',
    ]);
    expect(await problems('core/src/a.ts', '/// <reference path="../../electron/src/host/x.ts" />\nexport const a = 1;')).toEqual([
      'core may not reach into electron/src/host/x.ts by a relative import.',
    ]);
    expect(await problems('core/src/a.ts', '/// <reference lib="dom" />\nexport const a = 1;')).toEqual([
      '/// <reference lib="dom" /> adds globals the room\'s tsconfig leaves out.',
    ]);
  });

  it('fails on a dynamic import, require or glob whose specifier it cannot read', async () => {
    expect(await problems('core/src/a.ts', 'export const load = (name: string) => import(name);')).toEqual([dynamic('import()')]);
    expect(await problems('core/src/a.ts', 'export const load = (x: string) => import(`./${x}`);')).toEqual([dynamic('import()')]);
    expect(await problems('core/src/a.ts', "export const load = () => import('node:' + 'fs');")).toEqual([dynamic('import()')]);
    expect(await problems('core/src/a.cjs', 'module.exports = (x) => require(x);')).toEqual([dynamic('require()')]);
    expect(await problems('renderer/src/a.ts', 'export const m = import.meta.glob(pattern);')).toEqual([dynamic('import.meta.glob()')]);
    expect(
      await problems('renderer/src/a.ts', "export const m = import.meta.glob(['./features/*.ts', '../../electron/src/**/*.ts']);"),
    ).toEqual(['renderer may not reach into electron/src/**/*.ts by a relative import.']);
    expect(
      await problems('renderer/src/a.ts', "export const w = new Worker(new URL('../../electron/src/host/w.ts', import.meta.url));"),
    ).toEqual(['renderer may not reach into electron/src/host/w.ts by a relative import.']);
  });

  it('follows createRequire and process.getBuiltinModule', async () => {
    const host = (code) => problems('electron/src/host/a.ts', `import { createRequire } from 'node:module';\n${code}`);
    expect(await host("export const a = createRequire(import.meta.url)('electron');")).toEqual([
      'electron/host may not import "electron" (see docs/architecture.md §1).',
    ]);
    expect(await host('const req = createRequire(import.meta.url);\nexport const load = (name: string) => req(name);')).toEqual([
      dynamic('require()'),
    ]);
    expect(await host("const load = createRequire;\nexport const a = load(import.meta.url)('electron');")).toHaveLength(1);
    expect(await host('export const r = createRequire(import.meta.url);')).toEqual([
      'require is used in a way the rule cannot follow (a computed key, a spread, a reflection call, passed, exported or returned): read the member you need by name.',
    ]);
    // Resolving a path loads nothing: how the launcher finds the Electron binary.
    expect(
      await problems(
        'electron/src/launch/a.ts',
        "import { createRequire } from 'node:module';\nexport const dir = createRequire(import.meta.url).resolve('electron/package.json');",
      ),
    ).toEqual([]);
    const moduleLoader =
      'node:module may be imported only for createRequire, builtinModules or isBuiltin, by name: the rest loads code the rule cannot see.';
    expect(await problems('electron/src/host/a.ts', "import * as m from 'node:module';\nexport const a = m;")).toEqual([moduleLoader]);
    expect(await problems('electron/src/host/a.ts', "import { register } from 'node:module';\nexport const a = register;")).toEqual([
      moduleLoader,
    ]);
    expect(await problems('electron/src/host/a.ts', "export { createRequire } from 'node:module';")).toEqual([moduleLoader]);
    expect(await problems('core/src/a.ts', "export const a = process.getBuiltinModule('fs');")).toEqual([
      'core may not import "fs" (see docs/architecture.md §1).',
    ]);
    expect(await problems('core/src/a.ts', 'export const a = (n: string) => process.getBuiltinModule(n);')).toEqual([
      dynamic('getBuiltinModule()'),
    ]);
  });

  it('leaves literal imports it allows alone, and tests and benches free', async () => {
    expect(await problems('core/src/a.ts', "export const a = import('./b');")).toEqual([]);
    expect(await problems('hardware/src/node/a.test.ts', "export const a = await import('node:fs');")).toEqual([]);
    expect(await problems('hardware/src/node/a.ts', "export const fs = require('node:fs');")).toEqual([]);
    expect(await problems('tests/a.ts', 'export const load = (name: string) => import(name);')).toEqual([]);
    expect(await problems('bench/a.ts', "export const r = require('electron');")).toEqual([]);
  });
});

describe('rooms/imports reads a specifier the way the tools resolve it', () => {
  it.each(['@pos/core/../../electron', '@pos/core/./x', String.raw`..\..\electron\src\main\x`, './%2e%2e/%2e%2e/electron/src/main/x.js'])(
    'fails on %s',
    async (source) => {
      expect(await problems('renderer/src/a.ts', `import { x } from ${JSON.stringify(source)};\nexport const b = x;`)).toEqual([
        `"${source}" may load another file than it names (\\, %, or a . or .. segment in a package path): write it plainly.`,
      ]);
    },
  );

  it('checks a relative path with and without its ?query or #hash', async () => {
    expect(
      await problems('core/src/a.ts', "import { x } from '../../electron/src/main/x.js?/../../../../core/src/y';\nexport const b = x;"),
    ).toEqual(['core may not reach into electron/src/main/x.js by a relative import.']);
    expect(await problems('renderer/src/a.ts', "import css from './a.css?raw';\nexport const b = css;")).toEqual([]);
  });

  it('keeps test code out of production code', async () => {
    const testOnly = (target) =>
      `renderer code may not import the test file ${target}: test code is exempt from rules production code keeps.`;
    expect(await problems('renderer/src/a.ts', "import { leak } from './b.test';\nexport const b = leak;")).toEqual([
      testOnly('renderer/src/b.test'),
    ]);
    expect(await problems('renderer/src/a.ts', "import { leak } from './test-support/b';\nexport const b = leak;")).toEqual([
      testOnly('renderer/src/test-support/b'),
    ]);
    expect(await problems('renderer/src/a.test.ts', "import { fake } from './test-support/b';\nexport const b = fake;")).toEqual([]);
  });

  it('does not load data files as code', async () => {
    expect(await problems('hardware/src/fake/a.ts', "import x from './fixtures/report.hex';\nexport const b = x;")).toEqual([
      '"./fixtures/report.hex" loads a .hex file, which the rule cannot read.',
    ]);
    expect(await problems('hardware/src/node/a.ts', "export const addon = require('./addon.node');")).toEqual([
      '"./addon.node" loads a .node file, which the rule cannot read.',
    ]);
    expect(await problems('core/src/a.ts', "import data from './a.json';\nexport const b = data;")).toEqual([]);
  });
});
