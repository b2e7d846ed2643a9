import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the benchmarks create their databases on (trust auth, user postgres). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `url` naming another database on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One statement on the server's admin database, on a connection of its own. */
export async function adminQuery<R extends pg.QueryResultRow>(text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

/** A new, empty database `pos_bench_<random>_<what>`: its URL, and how to drop it. */
export async function scratchDatabase(what: string): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `pos_bench_${randomBytes(4).toString('hex')}_${what}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    url: withDatabase(ADMIN_URL, name),
    drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
