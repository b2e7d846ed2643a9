// @ts-check
/**
 * The import directions of docs/architecture.md §1, as an ESLint rule that fails closed: every
 * source file must sit in a room listed here, and may import only what its room allows. A new
 * folder is an error until someone decides which room it belongs to.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE = [/^node:/, new RegExp(`^(${builtinModules.map((m) => m.replace('/', '\\/')).join('|')})(\\/.*)?$`)];
const TEST_ONLY = [/^vitest(\/.*)?$/, /^fast-check$/, /^@testing-library\//, /^fake-indexeddb(\/.*)?$/];

/**
 * `dir`: the room's root; `reach`: other roots its relative imports may enter;
 * `packages`: bare specifiers it may import.
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
    packages: [...NODE, /^@pos\/core(\/.*)?$/, /^@pos\/hardware\/(common|node|fake)$/, /^fastify$/, /^@fastify\//, /^ws$/],
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
      /^typebox(\/.*)?$/,
      /^ajv-formats$/,
      /^@electric-sql\/pglite(\/.*)?$/,
      /^pg$/,
      /^drizzle-orm(\/.*)?$/,
      /^csv-parse(\/.*)?$/,
    ],
  },
  { name: 'tests', dir: 'tests', reach: ['*'], packages: [/.*/] },
  { name: 'bench', dir: 'bench', reach: ['*'], packages: [/.*/] },
  { name: 'lint', dir: 'lint', reach: [], packages: [...NODE, /^eslint$/] },
];

/** Build and tool configuration files at known places: they may import anything. */
const CONFIG_FILES = [
  /^[^/]+\.config\.(js|mjs|ts)$/,
  /^renderer\/vite\.config\.ts$/,
  /^electron\/build\.mjs$/,
  /^sync-server\/build\.mjs$/,
  /^sync-server\/drizzle\.config\.ts$/,
  /^\.ci\/[^/]+\.(js|mjs)$/,
];

/** @param {string} rel */
export function roomOf(rel) {
  if (CONFIG_FILES.some((re) => re.test(rel))) return 'config';
  return ROOMS.find((room) => rel === room.dir || rel.startsWith(`${room.dir}/`)) ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importRoomsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Files live in known rooms and import only in the directions the architecture allows' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      unknownFolder: '{{file}} is in a folder no room covers: add it to lint/rooms.js (and docs/architecture.md) or move it.',
      forbiddenPackage: '{{room}} may not import "{{source}}" (see docs/architecture.md §1).',
      forbiddenRelative: '{{room}} may not reach into {{target}} by a relative import.',
      bridgeOnly: 'Only renderer/src/bridge may talk to window.pos or the host socket.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const rel = path.relative(root, file).split(path.sep).join('/');
    const room = roomOf(rel);
    if (room === 'config') return {};
    const isTest = /\.test\.(tsx?|js)$/.test(rel) || rel.includes('/test-support/') || rel.endsWith('/test-setup.ts');
    /** @param {import('estree').Node} node @param {string} source */
    const check = (node, source) => {
      if (!room) return;
      if (source.startsWith('.')) {
        const target = path
          .relative(root, path.resolve(path.dirname(file), source))
          .split(path.sep)
          .join('/');
        const allowed = room.reach.includes('*') || [room.dir, ...room.reach].some((d) => target === d || target.startsWith(`${d}/`));
        if (!allowed) context.report({ node, messageId: 'forbiddenRelative', data: { room: room.name, target } });
        return;
      }
      const ok = room.packages.some((re) => re.test(source)) || (isTest && TEST_ONLY.some((re) => re.test(source)));
      if (!ok) context.report({ node, messageId: 'forbiddenPackage', data: { room: room.name, source } });
    };
    /** @param {any} node */
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
    };
    return {
      Program(node) {
        if (!room) context.report({ node, messageId: 'unknownFolder', data: { file: rel } });
      },
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value);
      },
      /** @param {any} node */
      MemberExpression(node) {
        if (!room || room.name !== 'renderer' || rel.startsWith('renderer/src/bridge/') || isTest) return;
        if (
          node.object.type === 'Identifier' &&
          node.object.name === 'window' &&
          node.property.type === 'Identifier' &&
          node.property.name === 'pos'
        ) {
          context.report({ node, messageId: 'bridgeOnly' });
        }
      },
      /** @param {any} node */
      NewExpression(node) {
        if (!room || room.name !== 'renderer' || rel.startsWith('renderer/src/bridge/') || isTest) return;
        if (node.callee.type === 'Identifier' && node.callee.name === 'WebSocket') context.report({ node, messageId: 'bridgeOnly' });
      },
    };
  },
};

export default { rules: { imports: importRoomsRule } };
