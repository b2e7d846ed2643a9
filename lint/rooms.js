// @ts-check
/**
 * The import directions of docs/architecture.md §1, as an ESLint rule that fails closed: every
 * file must sit in a room listed here and be of a kind the rule reads, and may import only what its
 * room allows, however it spells the import. A new folder, a new kind of file, or a way of loading
 * code the rule cannot follow is an error until someone decides what it is.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { guardParser, isDisarmed, opaqueParser } from './directives.js';
import { globalWalker, keyOf } from './globals.js';
import { literalString, loadVisitors } from './loads.js';
import { isTestPath, specifierProblem } from './specifiers.js';

/** Kinds of source the rule reads: all that TypeScript, Node, tsx, Vite or esbuild would run. */
export const CODE_KINDS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
/** Kinds a room may hold that never run: fixtures, styles, JSON. Any other kind in a room is an error. */
export const DATA_KINDS = ['json', 'css', 'bin', 'hex'];

const NODE = [/^node:/, new RegExp(`^(${builtinModules.map((m) => m.replace('/', '\\/')).join('|')})(\\/.*)?$`)];

/**
 * `dir`: the room's root; `reach`: other roots its relative imports may enter;
 * `packages`: bare specifiers it may import; `free`: may import and run anything (tests, benchmarks).
 * @type {{ name: string, dir: string, reach: string[], packages: RegExp[], free?: boolean }[]}
 */
export const ROOMS = [
  { name: 'core', dir: 'core/src', reach: [], packages: [/^@noble\/(hashes|curves)\//, /^canonicalize$/, /^json-schema-to-ts$/] },
  /** Generators run by hand (npx tsx) that write core's tables from published data files. */
  { name: 'core/scripts', dir: 'core/scripts', reach: ['core/src'], packages: [...NODE] },
  {
    name: 'hardware/common',
    dir: 'hardware/src/common',
    reach: [],
    packages: [/^@pos\/core(\/.*)?$/, /^@point-of-sale\/receipt-printer-encoder$/],
  },
  {
    name: 'hardware/node',
    dir: 'hardware/src/node',
    reach: ['hardware/src/common', 'hardware/src/test-support'],
    packages: [...NODE, /^@pos\/core(\/.*)?$/, /^serialport$/, /^@serialport\//, /^node-hid$/],
  },
  {
    name: 'hardware/fake',
    dir: 'hardware/src/fake',
    reach: ['hardware/src/common', 'hardware/src/test-support'],
    packages: [...NODE, /^@pos\/core(\/.*)?$/, /^serialport$/],
  },
  /** Helpers of the hardware tests (socat pty pairs, report replays): tests only. */
  {
    name: 'hardware/test-support',
    dir: 'hardware/src/test-support',
    reach: ['hardware/src/common', 'hardware/src/node', 'hardware/src/fake'],
    packages: [...NODE, /^@pos\/core(\/.*)?$/, /^serialport$/, /^@serialport\//],
  },
  {
    name: 'electron/host',
    dir: 'electron/src/host',
    reach: [],
    packages: [
      ...NODE,
      /^@pos\/core(\/.*)?$/,
      /^@pos\/hardware\/(common|node|fake)$/,
      /^fastify$/,
      /^@fastify\//,
      /^ws$/,
      /^pdf-lib$/,
      /^fflate$/,
    ],
  },
  {
    name: 'electron/main',
    dir: 'electron/src/main',
    reach: ['electron/src/host'],
    packages: [...NODE, /^electron$/, /^electron-updater$/, /^@pos\/core(\/.*)?$/],
  },
  { name: 'electron/preload', dir: 'electron/src/preload', reach: [], packages: [/^electron$/, /^@pos\/core(\/.*)?$/] },
  {
    name: 'electron/launch',
    dir: 'electron/src/launch',
    reach: ['electron/src/host'],
    packages: [...NODE, /^@pos\/core(\/.*)?$/, /^@pos\/hardware\/fake$/],
  },
  {
    name: 'renderer',
    dir: 'renderer/src',
    reach: [],
    packages: [
      /^@pos\/core(\/.*)?$/,
      /^react(-dom)?(\/.*)?$/,
      /^zustand(\/.*)?$/,
      /^rxdb(\/.*)?$/,
      /^rxjs(\/.*)?$/,
      /^dexie$/,
      /^i18next$/,
      /^react-i18next$/,
      /^bwip-js(\/.*)?$/,
    ],
  },
  {
    name: 'sync-server',
    dir: 'sync-server/src',
    reach: [],
    packages: [
      ...NODE,
      /^@pos\/core(\/.*)?$/,
      /^fastify$/,
      /^@fastify\//,
      /^pino$/,
      /^typebox(\/.*)?$/,
      /^ajv-formats$/,
      /^@electric-sql\/pglite(\/.*)?$/,
      /^pg$/,
      /^drizzle-orm(\/.*)?$/,
      /^csv-parse(\/.*)?$/,
      /^fflate$/,
      /^exceljs$/,
      /^otpauth$/,
      /^node-forge$/,
      // The on-screen QR card of the sign-up and wallet pages (the renderer draws its codes with it too).
      /^bwip-js\/node$/,
    ],
  },
  /** The back office in the browser, served by the hub at /office/: the hub's HTTP API is its only way in. */
  {
    name: 'office-web',
    dir: 'sync-server/web/src',
    reach: [],
    packages: [/^@pos\/core(\/.*)?$/, /^react(-dom)?(\/.*)?$/, /^i18next$/, /^react-i18next$/, /^bwip-js(\/.*)?$/, /^recharts$/],
  },
  { name: 'tests', dir: 'tests', reach: [], packages: [], free: true },
  { name: 'bench', dir: 'bench', reach: [], packages: [], free: true },
  // estree: the AST types its JSDoc names.
  { name: 'lint', dir: 'lint', reach: [], packages: [...NODE, /^eslint$/, /^estree$/] },
];

/** Build and tool configuration files at known places: they may import anything. */
const CONFIG_FILES = [
  /^[^/]+\.config\.(js|mjs|ts)$/,
  /^renderer\/vite\.config\.ts$/,
  /^sync-server\/web\/vite\.config\.ts$/,
  /^electron\/build\.mjs$/,
  /^sync-server\/build\.mjs$/,
  /^sync-server\/drizzle\.config\.ts$/,
  /^\.ci\/[^/]+\.(js|mjs)$/,
];

/** Packages only test files may import. */
const TEST_ONLY = [/^vitest(\/.*)?$/, /^fast-check$/, /^@testing-library\//, /^fake-indexeddb(\/.*)?$/];

/**
 * Node's module loader: apart from these exports it loads code the rule cannot see (`register()`
 * hooks every later import, `Module._load` loads anything), so only these may be imported, by name.
 * createRequire's functions are followed like require.
 */
const NODE_MODULE = /^(node:)?module$/;
const NODE_MODULE_EXPORTS = ['createRequire', 'builtinModules', 'isBuiltin'];

/** Globals and idioms that run code built from strings, which can import anything. */
const EVALUATORS = ['eval', 'Function', 'setTimeout', 'setInterval', 'constructor.constructor'];

/** @param {string} rel */
export function roomOf(rel) {
  if (CONFIG_FILES.some((re) => re.test(rel))) return 'config';
  return ROOMS.find((room) => rel === room.dir || rel.startsWith(`${room.dir}/`)) ?? null;
}

/** @typedef {any} Node ESTree and typescript-eslint nodes, with parents. */
/** @typedef {(node: Node, messageId: string, data?: Record<string, string>) => void} Report */

/** @type {import('eslint').Rule.RuleModule} */
export const importRoomsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Files live in known rooms and import only in the directions the architecture allows' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      unknownFolder: '{{file}} is in a folder no room covers: add it to lint/rooms.js (and docs/architecture.md) or move it.',
      unknownKind:
        '{{file}} is {{what}}, which the rule cannot read: write code as {{code}}, or add the kind to DATA_KINDS in lint/rooms.js if it is data that never runs.',
      disarmed: 'A comment may not turn rooms/imports off: change lint/rooms.js (and docs/architecture.md) instead.',
      forbiddenPackage: '{{room}} may not import "{{source}}" (see docs/architecture.md §1).',
      forbiddenRelative: '{{room}} may not reach into {{target}} by a relative import.',
      oddSpecifier: '"{{source}}" may load another file than it names (\\, %, or a . or .. segment in a package path): write it plainly.',
      testOnly: '{{room}} code may not import the test file {{target}}: test code is exempt from rules production code keeps.',
      unreadableImport: '"{{source}}" loads a .{{kind}} file, which the rule cannot read.',
      dynamicImport: '{{how}} loads a module the rule cannot name: write the specifier as a string literal.',
      moduleLoader:
        'node:module may be imported only for createRequire, builtinModules or isBuiltin, by name: the rest loads code the rule cannot see.',
      referenceLib: '/// <reference lib="{{lib}}" /> adds globals the room\'s tsconfig leaves out.',
      opaqueGlobal:
        '{{name}} is used in a way the rule cannot follow (a computed key, a spread, a reflection call, passed, exported or returned): read the member you need by name.',
      evaluates: '{{name}} runs code built from strings, which can import anything: not in {{room}}.',
      bridgeOnly: 'Only renderer/src/bridge may talk to window.pos or the host socket.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const rel = path.relative(root, context.filename).split(path.sep).join('/');
    const room = roomOf(rel);
    const reported = new Set();
    /** @type {Report} */
    const report = (node, messageId, data = {}) => {
      // Once per place: `(window ?? globalThis).pos` reaches pos by two globals.
      const key = `${messageId} ${node.range}`;
      if (reported.has(key)) return;
      reported.add(key);
      // Comments have no node type ESLint knows: report them by place.
      context.report(node.type === 'Line' || node.type === 'Block' ? { loc: node.loc, messageId, data } : { node, messageId, data });
    };
    const misplaced = placeProblem(rel, room);
    /** @param {Node} program */
    const everyFile = (program) => {
      for (const comment of context.sourceCode.getAllComments()) if (isDisarmed(comment)) report(comment, 'disarmed');
      if (misplaced) report(program, misplaced.messageId, misplaced.data);
    };
    if (misplaced || !room || room === 'config' || room.free) return { Program: everyFile };
    const visitors = roomVisitors(context, { rel, room, root }, report);
    return {
      ...visitors,
      /** @param {Node} program */
      Program(program) {
        everyFile(program);
        visitors.Program?.(program);
      },
    };
  },
};

/**
 * A file outside every room, or of a kind the rule cannot read.
 * @param {string} rel @param {ReturnType<typeof roomOf>} room
 */
function placeProblem(rel, room) {
  if (room === null) return { messageId: 'unknownFolder', data: { file: rel } };
  const kind = path.extname(rel).slice(1);
  if (room === 'config' || CODE_KINDS.includes(kind)) return null;
  const what = kind ? `a .${kind} file` : 'a file without an extension';
  const code = CODE_KINDS.map((k) => `.${k}`).join(', ');
  return { messageId: 'unknownKind', data: { file: rel, what, code } };
}

/**
 * The checks of a room whose imports are restricted.
 * @param {import('eslint').Rule.RuleContext} context
 * @param {{ rel: string, room: (typeof ROOMS)[number], root: string }} where
 * @param {Report} report
 * @returns {import('eslint').Rule.RuleListener}
 */
function roomVisitors(context, { rel, room, root }, report) {
  const sourceCode = context.sourceCode;
  const isTest = isTestPath(rel);
  const from = { room, root, file: context.filename, isTest, testPackages: TEST_ONLY };
  /** @type {any[]} variables holding node:module's createRequire */
  const createRequires = [];

  /** @param {Node} node @param {string} source */
  const check = (node, source) => {
    if (NODE_MODULE.test(source)) nodeModuleUse(node);
    const problem = specifierProblem(source, from);
    if (problem) report(node, problem.messageId, problem.data);
  };

  /** Only a static, named import of node:module's harmless exports; types are harmless. @param {Node} node */
  const nodeModuleUse = (node) => {
    if (isTypeOnly(node)) return;
    if (node.type !== 'ImportDeclaration') return report(node, 'moduleLoader');
    for (const spec of node.specifiers) {
      const name = spec.type === 'ImportSpecifier' ? keyOf(spec.imported, false) : null;
      if (spec.importKind === 'type') continue;
      if (!NODE_MODULE_EXPORTS.includes(name)) report(spec, 'moduleLoader');
      else if (name === 'createRequire') createRequires.push(...sourceCode.getDeclaredVariables(spec));
    }
  };

  /** A global whose use depends on the room: the bridge's, and those that evaluate strings. @param {string} name @param {Node} node */
  const judge = (name, node) => {
    const mayTouchBridge = rel.startsWith('renderer/src/bridge/') || isTest;
    if (name === 'pos' && !mayTouchBridge) report(node, 'bridgeOnly');
    if (name === 'WebSocket' && room.name === 'renderer' && !mayTouchBridge) report(node, 'bridgeOnly');
    if (EVALUATORS.includes(name)) report(node, 'evaluates', { name, room: room.name });
  };

  const walker = globalWalker(sourceCode, {
    reach: judge,
    load(name, call) {
      const source = literalString(call.arguments[0]);
      if (source === null) report(call, 'dynamicImport', { how: `${name}()` });
      else check(call, source);
    },
    opaque: (name, node) => report(node, 'opaqueGlobal', { name }),
  });

  return {
    ...loadVisitors(sourceCode, {
      check,
      dynamic: (node, how) => report(node, 'dynamicImport', { how }),
      lib: (node, lib) => report(node, 'referenceLib', { lib }),
    }),
    /** `''.constructor.constructor` is Function, reached through a prototype. @param {Node} node */
    MemberExpression(node) {
      const isConstructor = (/** @type {Node} */ n) => n.type === 'MemberExpression' && keyOf(n.property, n.computed) === 'constructor';
      if (isConstructor(node) && isConstructor(node.object)) judge('constructor.constructor', node);
    },
    ThisExpression: walker.followThis,
    'Program:exit'() {
      walker.walkFile();
      for (const variable of createRequires) walker.followVariable(variable, 'createRequire');
    },
  };
}

/** A type import or declaration, which loads nothing at run time. @param {Node} node */
function isTypeOnly(node) {
  return (
    node.importKind === 'type' || node.exportKind === 'type' || ['TSImportType', 'TSModuleDeclaration', 'Line', 'Block'].includes(node.type)
  );
}

/** For eslint.config.js: the parser wrapper for source files, and the parser for files the rule cannot read. */
export { guardParser, opaqueParser };

export default { rules: { imports: importRoomsRule } };
