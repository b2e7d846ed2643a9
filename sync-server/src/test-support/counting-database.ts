import type { Database } from '../db/database';

/** The same database, recording the text of every statement sent through it. */
export function countingDatabase(db: Database): { db: Database; count: (pattern: RegExp) => number } {
  const texts: string[] = [];
  const wrapped = new Proxy(db, {
    get(target, property) {
      if (property === 'query')
        return (query: Parameters<Database['query']>[0], params?: readonly unknown[]) => {
          texts.push(typeof query === 'string' ? query : query.text);
          return target.query(query, params);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: wrapped, count: (pattern) => texts.filter((t) => pattern.test(t)).length };
}
