// @ts-check
/**
 * Follows globals by name through the ways code reaches them: `pos`, `window.pos`,
 * `globalThis['pos']`, `self.window.pos`, `(window as any).pos`, `const { pos } = window`,
 * `const w = window; w.pos`, `module.require`, `createRequire(url)`. What it cannot follow —
 * `window[key]`, `Reflect.get(window, …)`, `{ ...window }`, `f(window)`, `export const w = window` —
 * it reports as opaque, so that the rule fails closed rather than trusting what it cannot see.
 *
 * It follows names, not values: a global reached through a prototype (`Object.getPrototypeOf(…)`)
 * or through a parameter of a function it was never passed to in this file is out of its sight.
 */

/** @typedef {any} Node ESTree and typescript-eslint nodes, with parents. */
/** @typedef {import('eslint').Scope.Variable} Variable */

/**
 * The global object under its names: its member `x` is the global `x`. `this` is one in a plain
 * function, which the browser calls with the window (an event listener on it, a timer's callback).
 */
const GLOBAL_OBJECTS = ['window', 'globalThis', 'self', 'global', 'frames', 'parent', 'top', 'this'];
/** Members of the global object that hand it, or its properties, back by a call. */
const GLOBAL_OBJECT_GETTERS = ['valueOf', '__lookupGetter__', '__lookupSetter__'];

/** A member that can load code by a way the walk does not see. */
const OPAQUE = 'opaque';

/**
 * Other objects whose members lead to what the walk watches; `'*'` is any other member (null: harmless).
 * @type {Record<string, Record<string, string | null>>}
 */
const OBJECTS = {
  document: { defaultView: 'window', '*': null },
  // module.constructor is Module, whose _load loads anything; module.exports is how a .cjs exports.
  module: { require: 'require', exports: null, id: null, filename: null, path: null, '*': OPAQUE },
  // binding and dlopen load native code by a name the rule cannot check.
  process: {
    getBuiltinModule: 'getBuiltinModule',
    mainModule: 'module',
    binding: OPAQUE,
    _linkedBinding: OPAQUE,
    dlopen: OPAQUE,
    '*': null,
  },
};

/** Functions that load the module their first argument names. */
const LOADERS = ['require', 'getBuiltinModule'];
/** Globals whose every use the rule judges (whether a room may use them is its business). */
const JUDGED = ['pos', 'WebSocket', 'eval', 'Function'];
/** Timers that run their first argument as code when it is a string. */
const TIMERS = ['setTimeout', 'setInterval'];

/** Expressions that hand their operand on as their value: `x as T`, `x!`, `x satisfies T`, `x?.y`. */
const WRAPPERS = [
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'ChainExpression',
];
/** Parents that only look at a value (typeof, comparisons, `in`, tests) without handing it on. */
const INSPECTORS = [
  'UnaryExpression',
  'BinaryExpression',
  'ExpressionStatement',
  'IfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'ForStatement',
];
/** Parents in type positions: `typeof window.pos` as a type runs nothing. */
const TYPE_POSITIONS = ['TSTypeQuery', 'TSQualifiedName'];

/**
 * @typedef {object} Listener
 * @property {(name: string, node: Node) => void} reach a judged global (or a timer given a string) is used at node
 * @property {(name: string, call: Node) => void} load a loader is called
 * @property {(name: string, node: Node) => void} opaque name is used in a way the walk cannot follow
 */

/**
 * @param {import('eslint').SourceCode} sourceCode
 * @param {Listener} on
 */
export function globalWalker(sourceCode, on) {
  /** @type {Map<Variable, Set<string>>} the names already followed through each variable */
  const followed = new Map();

  /** Starts from every global the walk watches, wherever the file reads it. */
  function walkFile() {
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const ref of /** @type {any[]} */ (scope.references)) {
        const name = ref.identifier.name;
        if (isWatched(name) && ref.isValueReference !== false && isGlobal(ref)) arrive(ref.identifier, name);
      }
    }
  }

  /** `this` where it may be the global object, from the rule's ThisExpression visitor. @param {Node} node */
  function followThis(node) {
    if (mayBeTheGlobalObject(node)) arrive(node, 'this');
  }

  /** `variable` holds `name`: follow each read of it. @param {Variable} variable @param {string} name */
  function followVariable(variable, name) {
    const names = followed.get(variable) ?? new Set();
    if (names.has(name)) return;
    followed.set(variable, names.add(name));
    // Another module importing it would be out of sight.
    if (variable.defs.some((d) => d.parent?.parent?.type === 'ExportNamedDeclaration')) return on.opaque(name, variable.identifiers[0]);
    for (const ref of variable.references) if (ref.isRead()) arrive(ref.identifier, name);
  }

  /** `node` evaluates to `name`: judge it, or follow where the value goes. @param {Node} node @param {string} name */
  function arrive(node, name) {
    const use = usageOf(node);
    if (use.kind === 'type') return;
    if (JUDGED.includes(name)) return on.reach(name, node);
    if (isObject(name)) return objectUse(name, use);
    if (LOADERS.includes(name)) return loaderUse(name, use);
    if (name === 'createRequire') return use.kind === 'call' ? arrive(use.node, 'require') : loaderUse(name, use);
    if (TIMERS.includes(name)) return timerUse(name, use);
  }

  /** @param {string} name @param {Usage} use */
  function objectUse(name, use) {
    if (use.kind === 'member') return use.key === null ? on.opaque(name, use.node) : member(name, use.key, use.node);
    if (use.kind === 'bind') return bind(use.pattern, name);
    if (use.kind === 'other') on.opaque(name, use.node);
  }

  /** @param {string} name @param {Usage} use */
  function loaderUse(name, use) {
    if (use.kind === 'call') return on.load(name, use.node);
    // require.resolve finds a path and loads nothing: how electron/src/launch finds the Electron binary.
    if (use.kind === 'member' && use.key === 'resolve' && name !== 'getBuiltinModule') return;
    if (use.kind === 'bind') return bind(use.pattern, name);
    if (use.kind !== 'inspect') on.opaque(name, use.node);
  }

  /** @param {string} name @param {Usage} use */
  function timerUse(name, use) {
    if (use.kind === 'call' && isStringy(use.node.arguments[0])) return on.reach(name, use.node);
    if (use.kind === 'bind') bind(use.pattern, name);
  }

  /** The member `key` of the object `name` is read at `node`. @param {string} name @param {string} key @param {Node} node */
  function member(name, key, node) {
    const next = memberOf(name, key);
    if (next === OPAQUE) on.opaque(`${name}.${key}`, node);
    else if (next !== null) arrive(node, next);
  }

  /** The value `name` is stored in `pattern` (a variable, or destructured). @param {Node} pattern @param {string} name */
  function bind(pattern, name) {
    if (pattern.type === 'AssignmentPattern') return bind(pattern.left, name);
    if (pattern.type === 'ObjectPattern' && isObject(name)) return destructure(pattern, name);
    const variable = pattern.type === 'Identifier' ? variableOf(pattern) : null;
    if (variable) followVariable(variable, name);
    else on.opaque(name, pattern);
  }

  /** `const { pos, window: w, ...rest } = window`. @param {Node} pattern @param {string} name */
  function destructure(pattern, name) {
    for (const prop of pattern.properties) {
      const key = prop.type === 'Property' ? keyOf(prop.key, prop.computed) : null;
      const next = key === null ? OPAQUE : memberOf(name, key);
      if (next === OPAQUE) on.opaque(key === null ? name : `${name}.${key}`, prop);
      else if (next !== null && JUDGED.includes(next)) on.reach(next, prop);
      else if (next !== null) bind(prop.value, next);
    }
  }

  /** @param {Node} id */
  function variableOf(id) {
    for (let scope = sourceCode.getScope(id); scope; scope = scope.upper) {
      const variable = scope.set.get(id.name);
      if (variable) return variable;
    }
    return null;
  }

  return { walkFile, followThis, followVariable };
}

/** @param {string} name */
function isObject(name) {
  return GLOBAL_OBJECTS.includes(name) || Object.hasOwn(OBJECTS, name);
}

/** @param {string} name */
function isWatched(name) {
  return isObject(name) || LOADERS.includes(name) || JUDGED.includes(name) || TIMERS.includes(name);
}

/** What reading `key` of the object `name` gives: a watched name, null (harmless) or OPAQUE. @param {string} name @param {string} key */
function memberOf(name, key) {
  if (GLOBAL_OBJECTS.includes(name)) return GLOBAL_OBJECT_GETTERS.includes(key) ? OPAQUE : isWatched(key) ? key : null;
  const members = OBJECTS[name];
  return Object.hasOwn(members, key) ? members[key] : members['*'];
}

/**
 * A reference to a global: declared nowhere, a library global (`window` from lib.dom), or only
 * declared ambiently (`declare const pos`, `declare global { var pos }`), which names the global too.
 * @param {any} ref
 */
function isGlobal(ref) {
  const variable = ref.resolved;
  return !variable || variable.defs.length === 0 || variable.defs.every((/** @type {any} */ d) => isAmbient(d.node));
}

/**
 * `this` in a plain function (not a method, no declared `this: T`): a browser calls listeners of
 * the window and timer callbacks with the window as `this`. At a module's top level it is undefined.
 * @param {Node} node
 */
function mayBeTheGlobalObject(node) {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') {
      const isMethod = ['MethodDefinition', 'TSAbstractMethodDefinition', 'Property', 'PropertyDefinition'].includes(n.parent?.type);
      const declaresThis = n.params[0]?.type === 'Identifier' && n.params[0].name === 'this';
      return !isMethod && !declaresThis;
    }
    if (n.type === 'ClassBody') return false;
  }
  return false;
}

/** @param {Node} node */
function isAmbient(node) {
  for (let n = node; n; n = n.parent) if (n.declare === true || (n.type === 'TSModuleDeclaration' && n.kind === 'global')) return true;
  return false;
}

/**
 * @typedef {{ kind: 'member', node: Node, key: string | null } | { kind: 'bind', node: Node, pattern: Node }
 *   | { kind: 'call' | 'inspect' | 'type' | 'other', node: Node }} Usage
 */

/** How the value of `node` is used. @param {Node} node @returns {Usage} */
function usageOf(node) {
  const n = outermost(node);
  const p = n.parent;
  if (p?.type === 'MemberExpression' && p.object === n) return { kind: 'member', node: p, key: keyOf(p.property, p.computed) };
  if ((p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.callee === n) return { kind: 'call', node: p };
  if (p?.type === 'VariableDeclarator' && p.init === n) return { kind: 'bind', node: n, pattern: p.id };
  if (p?.type === 'AssignmentExpression' && p.right === n && p.operator === '=') return { kind: 'bind', node: n, pattern: p.left };
  if (p?.type === 'AssignmentPattern' && p.right === n) return { kind: 'bind', node: n, pattern: p.left };
  if (INSPECTORS.includes(p?.type)) return { kind: 'inspect', node: n };
  if (TYPE_POSITIONS.includes(p?.type)) return { kind: 'type', node: n };
  return { kind: 'other', node: n };
}

/** Climbs what passes a value through: wrappers, `a ?? x`, `c ? x : y`, `(0, x)`, `await x`. @param {Node} node */
function outermost(node) {
  let n = node;
  for (let p = n.parent; p && passesOn(p, n); p = n.parent) n = p;
  return n;
}

/** @param {Node} parent @param {Node} child */
function passesOn(parent, child) {
  if (WRAPPERS.includes(parent.type)) return parent.expression === child;
  if (parent.type === 'LogicalExpression') return true;
  if (parent.type === 'ConditionalExpression') return parent.test !== child;
  if (parent.type === 'SequenceExpression') return parent.expressions.at(-1) === child;
  return parent.type === 'AwaitExpression';
}

/** The name a key spells: `.pos`, `['pos']`, `` [`pos`] ``; null when computed at run time. @param {Node} key @param {boolean} computed */
export function keyOf(key, computed) {
  if (!computed) return key.type === 'Literal' ? String(key.value) : key.name;
  if (key.type === 'Literal') return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0].value.cooked;
  return null;
}

/** A string, or what is surely one: `'…'`, `` `…${x}` ``, `'…' + x`. @param {Node} node */
function isStringy(node) {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  return node.type === 'BinaryExpression' && node.operator === '+' && (isStringy(node.left) || isStringy(node.right));
}
