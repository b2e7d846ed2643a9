/** A sound promotion body (no id, no version): 20 % off the category 'fruits', for everyone, everywhere. */
export function promotionBody(extra: Record<string, unknown> = {}) {
  return {
    name: 'Fruits −20 %',
    currency: 'EUR',
    priority: 0,
    stackable: false,
    audience: { kind: 'everyone' },
    benefit: { type: 'percent-off', target: { categories: ['fruits'] }, bp: 2000 },
    ...extra,
  };
}
