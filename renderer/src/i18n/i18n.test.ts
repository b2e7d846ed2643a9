import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]!).sort();
}

describe('dictionaries', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('use the same placeholders in both languages and leave nothing empty', () => {
    const get = (dict: unknown, path: string) =>
      path.split('.').reduce((o: unknown, k) => (o as Record<string, unknown>)[k], dict) as string;
    for (const path of keys(fr)) {
      expect(get(en, path).trim(), path).not.toBe('');
      expect(placeholders(get(en, path)), path).toEqual(placeholders(get(fr, path)));
    }
  });
});
