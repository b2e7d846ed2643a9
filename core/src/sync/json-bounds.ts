/**
 * Bounds a JSON value (as JSON.parse made it) must keep before anything walks it recursively
 * (JSON.stringify, canonical forms, merges): a document nested thousands of levels deep overflows
 * the stack of every recursive walk, and so fails the whole request it came in. The check itself
 * is iterative, and stops at the first problem.
 */
export type JsonBounds = {
  /** Objects and arrays inside one another; the value itself is level 1. */
  readonly maxDepth: number;
  /** Values of any kind, containers included. */
  readonly maxValues: number;
  /** Characters of any string or key. */
  readonly maxTextLength: number;
};

/**
 * JSON.parse turns 1e400 into Infinity (stored as null afterwards) and rounds whole numbers
 * beyond 2^53 (9007199254740993 becomes …992) without a word: such a number cannot be taken as
 * written, so it is refused rather than changed.
 */
function numberProblem(n: number): string | null {
  if (!Number.isFinite(n)) return 'is a number too large to be represented (such as 1e400)';
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    return `is ${n}, beyond the whole numbers JSON carries exactly (±${Number.MAX_SAFE_INTEGER})`;
  }
  return null;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function keyProblem(key: string, value: unknown, bounds: JsonBounds): string | null {
  if (key.length > bounds.maxTextLength) return `has a key of text longer than ${bounds.maxTextLength} characters`;
  // The names prototype pollution goes through: whatever copies the value later could act on them.
  if (key === '__proto__') return 'is a field named __proto__, which is not allowed';
  if (key === 'constructor' && isContainer(value) && Object.hasOwn(value, 'prototype')) {
    return 'is a field named constructor holding a prototype, which is not allowed';
  }
  return null;
}

function scalarProblem(value: unknown, bounds: JsonBounds): string | null {
  if (typeof value === 'string')
    return value.length > bounds.maxTextLength ? `is a text longer than ${bounds.maxTextLength} characters` : null;
  if (typeof value === 'number') return numberProblem(value);
  if (typeof value === 'boolean' || value === null) return null;
  return 'is not a JSON value';
}

type Frame = { readonly container: object; readonly keys: readonly string[] | null; index: number };

function pathOf(frames: readonly Frame[], root: string): string {
  let path = root;
  for (const f of frames) {
    const key = f.keys ? f.keys[f.index - 1] : undefined;
    if (!f.keys) path += `[${f.index - 1}]`;
    else if (key !== undefined && key.length <= 40 && /^[A-Za-z_$][\w$]*$/.test(key)) path += `.${key}`;
    else path += `[${JSON.stringify((key ?? '').slice(0, 40))}]`;
  }
  return path;
}

/**
 * The first way `value` leaves the bounds, as "<path> <problem>" (e.g. `doc.total is a number too
 * large…`), or null when it keeps them. `root` names the value in the message.
 */
export function jsonBoundsProblem(value: unknown, bounds: JsonBounds, root = 'document'): string | null {
  let values = 1;
  if (!isContainer(value)) {
    const problem = scalarProblem(value, bounds);
    return problem ? `${root} ${problem}` : null;
  }
  const frames: Frame[] = [{ container: value, keys: Array.isArray(value) ? null : Object.keys(value), index: 0 }];
  for (let top = frames[0]; top; top = frames.at(-1)) {
    const size = top.keys ? top.keys.length : (top.container as unknown[]).length;
    if (top.index >= size) {
      frames.pop();
      continue;
    }
    const key = top.keys ? top.keys[top.index] : undefined;
    const child: unknown = key === undefined ? (top.container as unknown[])[top.index] : (top.container as Record<string, unknown>)[key];
    top.index++;
    if (++values > bounds.maxValues) return `${root} holds more than ${bounds.maxValues.toLocaleString('en')} values`;
    const problem =
      (key === undefined ? null : keyProblem(key, child, bounds)) ?? (isContainer(child) ? null : scalarProblem(child, bounds));
    if (problem) return `${pathOf(frames, root)} ${problem}`;
    if (isContainer(child)) {
      if (frames.length >= bounds.maxDepth) return `${pathOf(frames, root)} is nested more than ${bounds.maxDepth} levels deep`;
      frames.push({ container: child, keys: Array.isArray(child) ? null : Object.keys(child), index: 0 });
    }
  }
  return null;
}
