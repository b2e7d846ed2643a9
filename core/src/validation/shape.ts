/**
 * A tiny structural checker for documents the till host seals forever: every field typed and
 * bounded, and no field the shape does not name (so nothing, personal data included, rides along
 * into the fiscal record). Checks collect readable problems; they never throw.
 */
export type Check = (value: unknown, path: string, problems: string[]) => void;

export const text =
  (max = 200): Check =>
  (v, p, problems) => {
    if (typeof v !== 'string' || v.length > max) problems.push(`${p} must be text of at most ${max} characters`);
  };

export const integer =
  (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check =>
  (v, p, problems) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
      problems.push(`${p} must be a whole number from ${min} to ${max}`);
  };

export const boolean = (): Check => (v, p, problems) => {
  if (typeof v !== 'boolean') problems.push(`${p} must be true or false`);
};

export const literal =
  (...values: readonly string[]): Check =>
  (v, p, problems) => {
    if (typeof v !== 'string' || !values.includes(v)) problems.push(`${p} must be one of ${values.join(', ')}`);
  };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const object =
  (required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check =>
  (v, p, problems) => {
    if (!isPlainObject(v)) {
      problems.push(`${p} must be an object`);
      return;
    }
    for (const key of Object.keys(v)) {
      if (!(key in required) && !(key in optional)) problems.push(`${p}.${key} is not a known field`);
    }
    for (const [key, check] of Object.entries(required)) {
      if (v[key] === undefined) problems.push(`${p}.${key} is missing`);
      else check(v[key], `${p}.${key}`, problems);
    }
    for (const [key, check] of Object.entries(optional)) if (v[key] !== undefined) check(v[key], `${p}.${key}`, problems);
  };

export const array =
  (item: Check, maxLength: number, minLength = 0): Check =>
  (v, p, problems) => {
    if (!Array.isArray(v) || v.length < minLength || v.length > maxLength) {
      problems.push(`${p} must be a list of ${minLength} to ${maxLength} items`);
      return;
    }
    v.forEach((entry, i) => item(entry, `${p}[${i}]`, problems));
  };

/** One of several object shapes, chosen by the value of `key`. */
export const variant =
  (key: string, shapes: Readonly<Record<string, Check>>): Check =>
  (v, p, problems) => {
    const tag = isPlainObject(v) ? v[key] : undefined;
    const shape = typeof tag === 'string' ? shapes[tag] : undefined;
    if (!shape) problems.push(`${p}.${key} must be one of ${Object.keys(shapes).join(', ')}`);
    else shape(v, p, problems);
  };

export function check(shape: Check, value: unknown, name: string): string[] {
  const problems: string[] = [];
  shape(value, name, problems);
  return problems;
}
