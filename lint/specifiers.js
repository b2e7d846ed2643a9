// @ts-check
/**
 * Whether a room may load a module it names. The name is read the ways the tools read it — as a
 * path (Node's require, TypeScript) and as a URL (Node's ESM loader, Vite: ?query and #hash dropped,
 * %2e%2e and \ taken as ..  and /) — and every reading must land where the room may go.
 */
import path from 'node:path';

/** Kinds that are never imported: fixtures read with fs, native addons (JSON and CSS may be). */
const NEVER_IMPORTED = ['bin', 'hex', 'node'];

/**
 * @typedef {{ name: string, dir: string, reach: string[], packages: RegExp[] }} Room
 * @typedef {{ room: Room, root: string, file: string, isTest: boolean, testPackages: RegExp[] }} From
 * @typedef {{ messageId: string, data: Record<string, string> }} Problem
 */

/** @param {string} source @param {From} from @returns {Problem | null} */
export function specifierProblem(source, from) {
  // A URL loader reads `%2e%2e` as `..` and `\` as `/`; a path reads neither: the two disagree.
  if (/[\\%]/.test(source)) return { messageId: 'oddSpecifier', data: { source } };
  return source.startsWith('.') ? relativeProblem(source, from) : packageProblem(source, from);
}

/** @param {string} source @param {From} from @returns {Problem | null} */
function packageProblem(source, { room, isTest, testPackages }) {
  // `@pos/core/../../electron` passes the room's pattern for @pos/core but resolves next to it.
  const segments = source.replace(/[?#].*$/s, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { messageId: 'oddSpecifier', data: { source } };
  const allowed = room.packages.some((re) => re.test(source)) || (isTest && testPackages.some((re) => re.test(source)));
  return allowed ? null : { messageId: 'forbiddenPackage', data: { room: room.name, source } };
}

/** @param {string} source @param {From} from @returns {Problem | null} */
function relativeProblem(source, { room, root, file, isTest }) {
  const withoutQuery = source.replace(/[?#].*$/s, '');
  for (const reading of new Set([source, withoutQuery])) {
    const target = path
      .relative(root, path.resolve(path.dirname(file), reading))
      .split(path.sep)
      .join('/');
    const reachable = [room.dir, ...room.reach].some((d) => target === d || target.startsWith(`${d}/`));
    if (!reachable) return { messageId: 'forbiddenRelative', data: { room: room.name, target } };
    if (!isTest && isTestPath(target)) return { messageId: 'testOnly', data: { room: room.name, target } };
  }
  const kind = path.extname(withoutQuery).slice(1);
  if (NEVER_IMPORTED.includes(kind)) return { messageId: 'unreadableImport', data: { source, kind } };
  return null;
}

/**
 * Test files and their helpers: they may use test packages and touch the bridge, so production
 * code importing them would inherit what they are allowed.
 * @param {string} rel
 */
export function isTestPath(rel) {
  return /\.test(\.[^/]*)?$/.test(rel) || /(^|\/)test-support(\/|$)/.test(rel) || /(^|\/)test-setup(\.[^/]*)?$/.test(rel);
}
