/**
 * A tiny structural checker for documents the till host seals forever: every field typed and
 * bounded, and no field the shape does not name (so nothing, personal data included, rides along
 * into the fiscal record). Checks collect readable problems; they never throw.
 *
 * Each shape also carries its JSON Schema (draft 2020-12), so the schemas published in
 * docs/fiscal/schemas are derived from the very checks the host runs: one definition, two forms.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

export type Check = ((value: unknown, path: string, problems: string[]) => void) & { readonly schema: JsonSchema };

function shape(schema: JsonSchema, run: (value: unknown, path: string, problems: string[]) => void): Check {
  return Object.assign(run, { schema });
}

export const text = (max = 200, min = 0): Check =>
  shape({ type: 'string', ...(min > 0 ? { minLength: min } : {}), maxLength: max }, (v, p, problems) => {
    if (typeof v !== 'string' || v.length > max || v.length < min) {
      problems.push(`${p} must be text of ${min > 0 ? `${min} to ` : 'at most '}${max} characters`);
    }
  });

/** Text matching a whole pattern (anchor it with ^…$): hashes, keys, timestamps. */
export const pattern = (regex: RegExp, max: number, what: string): Check =>
  shape({ type: 'string', maxLength: max, pattern: regex.source }, (v, p, problems) => {
    if (typeof v !== 'string' || v.length > max || !regex.test(v)) problems.push(`${p} must be ${what}`);
  });

export const integer = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check =>
  shape({ type: 'integer', minimum: min, maximum: max }, (v, p, problems) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
      problems.push(`${p} must be a whole number from ${min} to ${max}`);
  });

export const boolean = (): Check =>
  shape({ type: 'boolean' }, (v, p, problems) => {
    if (typeof v !== 'boolean') problems.push(`${p} must be true or false`);
  });

export const literal = (...values: readonly (string | number)[]): Check =>
  shape(values.length === 1 ? { const: values[0] } : { enum: values }, (v, p, problems) => {
    if ((typeof v !== 'string' && typeof v !== 'number') || !values.includes(v)) problems.push(`${p} must be one of ${values.join(', ')}`);
  });

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const object = (required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check =>
  shape(
    {
      type: 'object',
      properties: Object.fromEntries([...Object.entries(required), ...Object.entries(optional)].map(([key, check]) => [key, check.schema])),
      required: Object.keys(required),
      additionalProperties: false,
    },
    (v, p, problems) => {
      if (!isPlainObject(v)) {
        problems.push(`${p} must be an object`);
        return;
      }
      for (const key of Object.keys(v)) {
        if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) problems.push(`${p}.${key} is not a known field`);
      }
      for (const [key, check] of Object.entries(required)) {
        if (v[key] === undefined) problems.push(`${p}.${key} is missing`);
        else check(v[key], `${p}.${key}`, problems);
      }
      for (const [key, check] of Object.entries(optional)) if (v[key] !== undefined) check(v[key], `${p}.${key}`, problems);
    },
  );

export const array = (item: Check, maxLength: number, minLength = 0): Check =>
  shape({ type: 'array', items: item.schema, minItems: minLength, maxItems: maxLength }, (v, p, problems) => {
    if (!Array.isArray(v) || v.length < minLength || v.length > maxLength) {
      problems.push(`${p} must be a list of ${minLength} to ${maxLength} items`);
      return;
    }
    v.forEach((entry, i) => item(entry, `${p}[${i}]`, problems));
  });

/** A map from names (matching `keys`) to values of one shape. */
export const record = (keys: RegExp, value: Check, maxEntries: number): Check =>
  shape(
    { type: 'object', propertyNames: { pattern: keys.source }, additionalProperties: value.schema, maxProperties: maxEntries },
    (v, p, problems) => {
      if (!isPlainObject(v) || Object.keys(v).length > maxEntries) {
        problems.push(`${p} must be an object of at most ${maxEntries} entries`);
        return;
      }
      for (const [key, entry] of Object.entries(v)) {
        if (!keys.test(key)) problems.push(`${p}.${key.slice(0, 40)} is not a known name`);
        else value(entry, `${p}.${key}`, problems);
      }
    },
  );

/** One of several object shapes, chosen by the value of `key`. */
export const variant = (key: string, shapes: Readonly<Record<string, Check>>): Check =>
  shape({ oneOf: Object.values(shapes).map((s) => s.schema) }, (v, p, problems) => {
    const tag = isPlainObject(v) ? v[key] : undefined;
    const chosen = typeof tag === 'string' && Object.hasOwn(shapes, tag) ? shapes[tag] : undefined;
    if (!chosen) problems.push(`${p}.${key} must be one of ${Object.keys(shapes).join(', ')}`);
    else chosen(v, p, problems);
  });

/** Exactly `true`: a mark that is either there or absent. */
export const trueFlag = (): Check =>
  shape({ const: true }, (v, p, problems) => {
    if (v !== true) problems.push(`${p} must be true (or absent)`);
  });

/**
 * A document whose version is the number in `key`: `unversioned` when the key is absent (the
 * documents made before versions existed), otherwise the shape of that version.
 */
export const versioned = (key: string, unversioned: Check, versions: Readonly<Record<number, Check>>): Check =>
  shape({ oneOf: [unversioned.schema, ...Object.values(versions).map((s) => s.schema)] }, (v, p, problems) => {
    const tag = isPlainObject(v) ? v[key] : undefined;
    if (tag === undefined) return unversioned(v, p, problems);
    const chosen = typeof tag === 'number' && Object.hasOwn(versions, tag) ? versions[tag] : undefined;
    if (!chosen) problems.push(`${p}.${key} must be one of ${Object.keys(versions).join(', ')}, or absent`);
    else chosen(v, p, problems);
  });

/** Either nothing (JSON null) or a value of the shape. */
export const nullable = (inner: Check): Check =>
  shape({ oneOf: [{ type: 'null' }, inner.schema] }, (v, p, problems) => {
    if (v !== null) inner(v, p, problems);
  });

export function check(shape: Check, value: unknown, name: string): string[] {
  const problems: string[] = [];
  shape(value, name, problems);
  return problems;
}
