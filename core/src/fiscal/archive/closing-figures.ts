/** One figure of a closing, by its path ('total.net', 'byTender.cash.amount.sales', 'figures.cash.expected'). */
export type FigureValue = number | string | boolean | null;

/** A figure that is not what it should be: as the closing sealed it, and as its records give it (null: absent). */
export type FigureDifference = { readonly figure: string; readonly sealed: FigureValue; readonly recomputed: FigureValue };

/** The field that names an element of a list of figures (a tender's method, a VAT rate, a person), so lists compare by name, not position. */
const LIST_KEYS = ['method', 'rateBp', 'staffId'] as const;

function elementName(element: unknown, index: number): string {
  if (typeof element === 'object' && element !== null) {
    for (const key of LIST_KEYS) {
      const name = (element as Record<string, unknown>)[key];
      if (typeof name === 'string' || typeof name === 'number') return String(name);
    }
  }
  return String(index);
}

/**
 * Every figure of a closing payload (or of its recomputation) by path: objects by field name,
 * lists of tenders, rates and people by their name. Iterative, bounded by what it is given.
 */
export function figureValues(value: unknown): Map<string, FigureValue> {
  const out = new Map<string, FigureValue>();
  const stack: [string, unknown][] = [['', value]];
  while (stack.length > 0) {
    const [path, v] = stack.pop()!;
    const at = (key: string) => (path === '' ? key : `${path}.${key}`);
    if (Array.isArray(v)) v.forEach((element, i) => stack.push([at(elementName(element, i)), element]));
    else if (typeof v === 'object' && v !== null) for (const [key, field] of Object.entries(v)) stack.push([at(key), field]);
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null) out.set(path, v);
  }
  return out;
}

/**
 * The figures that differ between a sealed closing and its recomputation, sorted by path; a
 * figure absent on one side counts as null there. `ignore` leaves out paths (and those under them).
 */
export function figureDifferences(sealed: unknown, recomputed: unknown, ignore: readonly string[] = []): FigureDifference[] {
  const a = figureValues(sealed);
  const b = figureValues(recomputed);
  const ignored = (path: string) => ignore.some((p) => path === p || path.startsWith(`${p}.`));
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((figure) => !ignored(figure) && (a.get(figure) ?? null) !== (b.get(figure) ?? null))
    .sort()
    .map((figure) => ({ figure, sealed: a.get(figure) ?? null, recomputed: b.get(figure) ?? null }));
}
