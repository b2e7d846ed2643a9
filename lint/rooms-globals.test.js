import { describe, expect, it } from 'vitest';
import { problems } from './test-support/problems.js';

const BRIDGE = 'Only renderer/src/bridge may talk to window.pos or the host socket.';
const opaque = (name) =>
  `${name} is used in a way the rule cannot follow (a computed key, a spread, a reflection call, passed, exported or returned): read the member you need by name.`;

describe('rooms/imports keeps window.pos in the bridge however it is reached', () => {
  it.each([
    "export const p = window['pos'];",
    'export const p = window[`pos`];',
    'export const p = globalThis.pos;',
    "export const p = globalThis['pos'];",
    'export const p = self.pos;',
    'export const p = window.window.pos;',
    'export const p = window.self.pos;',
    'export const p = document.defaultView?.pos;',
    'export const p = window?.pos;',
    'export const p = (window as unknown as { pos: unknown }).pos;',
    'export const p = (0, window).pos;',
    'export const p = (window ?? globalThis).pos;',
    'const { pos } = window;\nexport const p = pos;',
    'const { pos: bridge = null } = globalThis;\nexport const p = bridge;',
    'const { window: w } = globalThis;\nexport const p = w.pos;',
    'const w = window;\nexport const p = w.pos;',
    "let w: Window;\nw = window;\nexport const p = (w as unknown as Record<string, unknown>)['pos'];",
    'export const p = (pos as { invoke: unknown }).invoke;',
    'declare const pos: { invoke: unknown };\nexport const p = pos.invoke;',
    'declare global {\n  var pos: { invoke: unknown };\n}\nexport const p = pos.invoke;',
    'export const ws = new WebSocket("ws://127.0.0.1/host");',
    'export const ws = new window.WebSocket("ws://127.0.0.1/host");',
    'const Socket = WebSocket;\nexport const ws = new Socket("ws://127.0.0.1/host");',
    'export const ws = Reflect.construct(WebSocket, ["ws://127.0.0.1/host"]);',
    "window.addEventListener('load', function () {\n  console.log(this.pos);\n});",
    'setTimeout(function () {\n  const self = this;\n  console.log(self.pos);\n}, 0);',
  ])('outside the bridge: %s', async (code) => {
    expect(await problems('renderer/src/features/a.ts', code)).toEqual([BRIDGE]);
  });

  it.each([
    ['export const p = window[name];', 'window'],
    ["export const p = Reflect.get(window, 'pos');", 'window'],
    ["export const p = Object.getOwnPropertyDescriptor(globalThis, 'pos');", 'globalThis'],
    ['export const all = { ...window };', 'window'],
    ['const { ...all } = window;\nexport const p = all;', 'window'],
    ['const { [name]: p } = window;\nexport { p };', 'window'],
    ['export const w = window;', 'window'],
    ['const w = window;\nexport { w };', 'window'],
    ['export default window;', 'window'],
    ['export const get = () => window;', 'window'],
    ['export const p = read(window);', 'window'],
    ['export const p = document.defaultView![name];', 'window'],
    ['export const p = window.valueOf();', 'window.valueOf'],
    ["export const p = window.__lookupGetter__('pos');", 'window.__lookupGetter__'],
    ['export function f() {\n  return this[name];\n}', 'this'],
  ])('fails on what it cannot follow: %s', async (code, name) => {
    expect(
      await problems('renderer/src/features/a.ts', `declare const name: string;\ndeclare function read(w: unknown): unknown;\n${code}`),
    ).toEqual([opaque(name)]);
  });

  it('applies outside the renderer too', async () => {
    expect(await problems('core/src/a.ts', "export const p = globalThis['pos'];")).toEqual([BRIDGE]);
    expect(await problems('electron/src/preload/a.ts', 'export const p = window.pos;')).toEqual([BRIDGE]);
  });

  it('leaves the bridge, tests, types and harmless window use alone', async () => {
    const bridge = [
      "export const p = window['pos'];",
      'export const p = (window as unknown as { pos?: unknown }).pos;',
      'export const ws = new WebSocket("ws://127.0.0.1/host");',
    ];
    for (const code of bridge) expect(await problems('renderer/src/bridge/a.ts', code)).toEqual([]);
    expect(await problems('renderer/src/features/a.test.ts', 'export const p = globalThis.pos;')).toEqual([]);
    const harmless = [
      "window.addEventListener('keydown', () => undefined);",
      'export const search = new URLSearchParams(window.location.search);',
      "export const hasWindow = typeof window !== 'undefined' && 'pos' in window;",
      'export type Pos = typeof window.pos;',
      'export let socket: WebSocket | null = null;',
      'export const f = (window: { pos: number }) => window.pos;',
      'const pos = { x: 1 };\nexport const p = pos.x;',
      'export const exportsOk = typeof module;',
      'export class Cursor {\n  pos = 0;\n  next() {\n    return [this.pos, function (this: Cursor) { return this.pos; }];\n  }\n}',
      'export const cursor = { pos: 0, next() { return this.pos; }, last: function () { return this.pos; } };',
    ];
    for (const code of harmless) expect(await problems('renderer/src/features/a.ts', code)).toEqual([]);
    expect(await problems('sync-server/src/a.ts', "export const env = process.env['HOME'];\nprocess.on('exit', () => undefined);")).toEqual(
      [],
    );
  });
});

describe('rooms/imports fails on code built from strings', () => {
  const evaluates = (name, room = 'core') => `${name} runs code built from strings, which can import anything: not in ${room}.`;

  it.each([
    ['export const a = eval("1");', 'eval'],
    ['export const a = (0, eval)("1");', 'eval'],
    ["export const a = globalThis['eval']('1');", 'eval'],
    ['export const f = new Function("return 1");', 'Function'],
    ['export const f = Function("return 1");', 'Function'],
    ['const F = Function;\nexport const f = F("return 1");', 'Function'],
    ["export const f = ''.constructor.constructor('return 1');", 'constructor.constructor'],
    ["setTimeout('globalThis.x = 1', 0);", 'setTimeout'],
    ['setInterval(`globalThis.x = ${1}`, 10);', 'setInterval'],
  ])('%s', async (code, name) => {
    expect(await problems('core/src/a.ts', code)).toEqual([evaluates(name)]);
  });

  it('leaves timers with functions alone, and the tests free', async () => {
    expect(
      await problems('core/src/a.ts', 'setTimeout(() => undefined, 0);\nconst every = setInterval;\nevery(() => undefined, 10);'),
    ).toEqual([]);
    expect(await problems('core/src/a.ts', "const later = setTimeout;\nlater('globalThis.x = 1', 0);")).toEqual([
      'setTimeout runs code built from strings, which can import anything: not in core.',
    ]);
    expect(await problems('tests/a.ts', 'export const a = eval("1");')).toEqual([]);
  });

  it('follows module and process to their loaders', async () => {
    expect(await problems('electron/src/host/a.cjs', "module.exports = module.constructor._load('electron');")).toEqual([
      opaque('module.constructor'),
    ]);
    expect(await problems('core/src/a.ts', "export const a = process['binding']('fs');")).toEqual([opaque('process.binding')]);
    expect(await problems('core/src/a.ts', "export const a = process.mainModule?.require('fs');")).toEqual([
      'core may not import "fs" (see docs/architecture.md §1).',
    ]);
  });
});
