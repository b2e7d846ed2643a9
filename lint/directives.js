// @ts-check
/**
 * The parsers the rule needs to fail closed.
 *
 * ESLint lets a comment turn a rule off: `// eslint-disable-next-line rooms/imports`,
 * `/* eslint rooms/imports: off *\/`, a bare `/* eslint-disable *\/`. A rule cannot see past that
 * (ESLint drops its reports after it runs), so `guardParser` disarms those comments as it parses,
 * before ESLint reads them, and the rule reports each one it finds disarmed. Comments that turn off
 * other rules by name are left as they are.
 *
 * `opaqueParser` is for a file inside a room whose kind the rule cannot read: it gives an empty
 * program, so that the rule still runs on the file and reports its kind.
 */

/** What a disarmed comment starts with: no longer a directive to ESLint, and plain to a reader. */
const DISARMED = '[disarmed by rooms/imports] ';

/** `eslint-disable`, `-line`, `-next-line`, and `eslint` (inline configuration), then what they name. */
const DIRECTIVE = /^\s*(eslint(?:-disable(?:-next-line|-line)?)?)(?:\s([\s\S]*))?$/;

/** @param {string} value a comment's text */
function turnsRoomsOff(value) {
  const match = DIRECTIVE.exec(value);
  if (!match) return false;
  const [, label, rest = ''] = match;
  const named = rest.split(/\s-{2,}\s/)[0].trim(); // without its `-- reason`
  if (label === 'eslint') return named.includes('rooms/');
  return named === '' || named.includes('rooms/'); // a bare disable turns every rule off
}

/** @param {{ value: string }} comment */
export function isDisarmed(comment) {
  return comment.value.startsWith(DISARMED);
}

/**
 * @param {{ meta?: { name?: string, version?: string }, parseForESLint: (code: string, options?: any) => any }} parser
 * @returns {import('eslint').Linter.Parser}
 */
export function guardParser(parser) {
  return {
    meta: { name: `rooms-guarded-${parser.meta?.name ?? 'parser'}`, version: parser.meta?.version },
    parseForESLint(code, options) {
      const result = parser.parseForESLint(code, options);
      for (const comment of result.ast.comments ?? []) if (turnsRoomsOff(comment.value)) comment.value = DISARMED + comment.value;
      return result;
    },
  };
}

/** @type {import('eslint').Linter.Parser} */
export const opaqueParser = {
  meta: { name: 'rooms-opaque' },
  parse: (text) => ({
    type: 'Program',
    body: [],
    sourceType: 'module',
    range: [0, text.length],
    loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
    tokens: [],
    comments: [],
  }),
};
