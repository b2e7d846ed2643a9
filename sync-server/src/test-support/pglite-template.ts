import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultMigrationsFolder } from '../db/migrations';
import { migratedPgliteTemplate } from '../db/pglite-database';

/**
 * One migrated PGlite data directory for the whole test run: an initdb costs about two seconds per
 * test file, loading the tarball a fifth of that. It is kept in the repository's .cache, named by
 * the PGlite version and the migrations' contents, so a new migration makes a new one and parallel
 * workers share the first that is written (written aside, then renamed: never read half-written).
 */
const CACHE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.cache/pglite-templates');

function templateKey(folder: string): string {
  const hash = createHash('sha256');
  const pglite = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../node_modules/@electric-sql/pglite/package.json');
  hash.update(existsSync(pglite) ? readFileSync(pglite) : 'unknown');
  for (const name of readdirSync(folder).sort()) if (name.endsWith('.sql')) hash.update(name).update(readFileSync(path.join(folder, name)));
  hash.update(readFileSync(path.join(folder, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<Blob> | null = null;

async function loadOrMake(): Promise<Blob> {
  const folder = defaultMigrationsFolder();
  const file = path.join(CACHE_DIR, `${templateKey(folder)}.tar`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const made = await migratedPgliteTemplate(folder);
  await mkdir(CACHE_DIR, { recursive: true });
  const aside = `${file}.${process.pid}.${Date.now()}`;
  await writeFile(aside, new Uint8Array(await made.arrayBuffer()));
  await rename(aside, file);
  return made;
}

/** The migrated template, made or read once per worker. */
export function pgliteTemplate(): Promise<Blob> {
  template ??= loadOrMake().catch((error: unknown) => {
    template = null;
    throw error;
  });
  return template;
}
