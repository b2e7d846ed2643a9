// @ts-check
/**
 * Every place a file names a module, as ESLint visitors: static imports and re-exports (types
 * included: a type import is a dependency too), TypeScript's `import x = require()`, import types,
 * `declare module`, dynamic `import()`, Vite's `import.meta.glob` and `new URL(…, import.meta.url)`,
 * triple-slash references and JSDoc `import('…')` types. require() and its kin are found by
 * globals.js, which follows them through aliases.
 */

/** @typedef {any} Node ESTree and typescript-eslint nodes, with parents. */

/**
 * @typedef {object} Listener
 * @property {(node: Node, source: string) => void} check a module named in full
 * @property {(node: Node, how: string) => void} dynamic a module whose name is computed at run time
 * @property {(node: Node, lib: string) => void} lib a `/// <reference lib>` directive
 */

/**
 * @param {import('eslint').SourceCode} sourceCode
 * @param {Listener} on
 * @returns {import('eslint').Rule.RuleListener}
 */
export function loadVisitors(sourceCode, on) {
  /** @param {Node} node */
  const fromSource = (node) => node.source && on.check(node, node.source.value);
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    /** @param {Node} node */
    ImportExpression(node) {
      const source = literalString(node.source);
      if (source === null) on.dynamic(node, 'import()');
      else on.check(node, source);
    },
    /** @param {Node} node */
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference.type === 'TSExternalModuleReference') on.check(node, node.moduleReference.expression.value);
    },
    /** `typeof import('x')`, `import('x').T`: the name is `source` (older parsers: `argument.literal`). @param {Node} node */
    TSImportType(node) {
      const literal = node.source ?? node.argument?.literal;
      if (typeof literal?.value === 'string') on.check(node, literal.value);
    },
    /** `declare module 'x' { … }` augments or declares x: only what the room may import. @param {Node} node */
    TSModuleDeclaration(node) {
      if (node.id.type === 'Literal' && !node.id.value.includes('*')) on.check(node, node.id.value);
    },
    /** @param {Node} node */
    CallExpression(node) {
      if (isImportMeta(node.callee.object) && ['glob', 'globEager'].includes(node.callee.property?.name)) viteGlob(node, on);
    },
    /** Vite bundles `new URL('./w.ts', import.meta.url)` (a worker, an asset): a relative one is an import. @param {Node} node */
    NewExpression(node) {
      const [first, base] = node.arguments;
      const source = literalString(first);
      if (node.callee.name === 'URL' && isImportMeta(base?.object) && base.property?.name === 'url' && source?.startsWith('.'))
        on.check(node, source);
    },
    Program() {
      for (const comment of sourceCode.getAllComments()) commentLoads(comment, on);
    },
  };
}

/** The value of a string written out: `'x'` or a template without `${}`; else null. @param {Node} node */
export function literalString(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

/** @param {Node} node */
function isImportMeta(node) {
  return node?.type === 'MetaProperty' && node.meta.name === 'import' && node.property.name === 'meta';
}

/** `import.meta.glob('./x/*.ts')` or a list of patterns (`!` negates one); Vite wants them literal. @param {Node} node @param {Listener} on */
function viteGlob(node, on) {
  const [first] = node.arguments;
  const patterns = first?.type === 'ArrayExpression' ? first.elements.map(literalString) : [literalString(first)];
  if (patterns.includes(null)) return on.dynamic(node, 'import.meta.glob()');
  for (const pattern of /** @type {string[]} */ (patterns)) if (!pattern.startsWith('!')) on.check(node, pattern);
}

/**
 * `/// <reference types="node" />` loads a package's types, `path=` a file, `lib=` globals; JSDoc
 * `{import('x').T}` is the type import of a .js file.
 * @param {Node} comment @param {Listener} on
 */
function commentLoads(comment, on) {
  const reference = /^\/\s*<reference\s+(types|path|lib)\s*=\s*["']([^"']*)["']/.exec(comment.value);
  if (comment.type === 'Line' && reference) {
    const [, kind, name] = reference;
    if (kind === 'lib') on.lib(comment, name);
    // types="node" is @types/node: Node's builtins, checked as such.
    else if (kind === 'types') on.check(comment, name === 'node' ? 'node:' : name);
    else on.check(comment, name.startsWith('.') ? name : `./${name}`);
  }
  if (comment.type === 'Block' && comment.value.startsWith('*')) {
    const types = comment.value.replace(/`[^`]*`/g, ''); // `import('x')` in backticks is prose
    for (const [, , name] of types.matchAll(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g)) on.check(comment, name);
  }
}
