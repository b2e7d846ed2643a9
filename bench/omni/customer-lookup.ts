/**
 * customer_lookup_ms (issue 14): a cashier's customer search through the till's online path, as
 * the hub answers it, among --customers customers (1,000,000 by default). The customers are written
 * straight into a fresh PostgreSQL database by generate_series (not timed), after the
 * hub, as production runs it (its own process, `serve`), has migrated it; then 20 tills of 20 stores,
 * each with its device token, take turns searching one query at a time (kept-alive): by phone as typed
 * ("06 12 34 56 78"), by e-mail, by card number, and by a last name's start (half of them with a
 * first name's start too), in turn. Every search must find what it looks for (checked, not timed).
 */
import http from 'node:http';
import { mulberry32 } from '@pos/core/demo/prng';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { enroll } from '../sync/push-phase';
import { freshDatabase, log, onCleanup, startHub, tempDir } from '../sync/rig';

export type LookupShape = { readonly customers: number; readonly lookups: number };

export type LookupResult = {
  /** Every search, ms. */
  readonly lookupMs: number[];
  readonly byKind: Readonly<Record<LookupKind, number[]>>;
  readonly failures: readonly string[];
  readonly generatedSeconds: number;
};

const KINDS = ['phone', 'email', 'card', 'name'] as const;
/** Tills taking turns: the hub allows a device 1,200 requests a minute (rate-limits.ts). */
const TILLS = 20;
type LookupKind = (typeof KINDS)[number];

/** Common French last names: with 1,000,000 customers, each is shared by thousands (a prefix search reads its first 20). */
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefebvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefevre',
  'Faure',
  'Andre',
  'Mercier',
  'Blanc',
  'Guerin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'Francois',
  'Legrand',
  'Gauthier',
  'Garcia',
];
const FIRST_NAMES = [
  'Marie',
  'Jean',
  'Camille',
  'Louis',
  'Emma',
  'Lucas',
  'Chloe',
  'Hugo',
  'Lea',
  'Paul',
  'Manon',
  'Jules',
  'Sarah',
  'Arthur',
];
/** Suffixes that make the 40 names ~1,000 distinct ones (Durand, Durandeau, Durandet…). */
const SUFFIXES = [
  '',
  '',
  '',
  'eau',
  'et',
  'in',
  'ot',
  'on',
  'ier',
  'ard',
  'aud',
  'elle',
  'ou',
  'ais',
  'ant',
  'oux',
  'az',
  'ey',
  'ie',
  'us',
  'ac',
  'ol',
  'os',
  'ine',
  'el',
];

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;

const phoneOf = (i: number) => `06${String(i).padStart(8, '0')}`;
const cardOf = (i: number) => `LOY-${String(i).padStart(8, '0')}`;
const emailOf = (i: number) => `client${i}@exemple.fr`;

/** One INSERT … SELECT generate_series, in batches so one transaction does not hold a million rows of WAL at once. */
async function generate(url: string, customers: number): Promise<void> {
  const db = await openDatabase({ kind: 'postgres', url });
  try {
    const last = `(${sqlArray(LAST_NAMES)})[1 + i % ${LAST_NAMES.length}] || (${sqlArray(SUFFIXES)})[1 + (i / ${LAST_NAMES.length}) % ${SUFFIXES.length}]`;
    const first = `(${sqlArray(FIRST_NAMES)})[1 + (i / 7) % ${FIRST_NAMES.length}]`;
    const batch = 250_000;
    for (let from = 0; from < customers; from += batch) {
      const to = Math.min(customers, from + batch) - 1;
      await db.query(`
        INSERT INTO chain_customers (id, first_name, last_name, first_name_key, last_name_key, email, email_normalised,
          phone, phone_normalised, card_number, postal_code, consents, created_store)
        SELECT 'cus-' || i, f, l, lower(f), lower(l), 'client' || i || '@exemple.fr', 'client' || i || '@exemple.fr',
          '06' || lpad(i::text, 8, '0'), '+336' || lpad(i::text, 8, '0'), 'LOY-' || lpad(i::text, 8, '0'),
          lpad((1000 + i % 95000)::text, 5, '0'), '{}', 'S' || lpad((i % 200)::text, 3, '0')
        FROM (SELECT i, ${first} AS f, ${last} AS l FROM generate_series(${from}, ${to}) AS i) AS g`);
      log(`  ${(to + 1).toLocaleString('en')} customers`);
    }
    await db.query('VACUUM ANALYZE chain_customers');
  } finally {
    await db.close();
  }
}

function get(agent: http.Agent, url: URL, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** The n-th search: its text and the customer (or the last name) it must find. */
function search(
  kind: LookupKind,
  i: number,
  random: () => number,
): { q: string; expect: (found: { id: string; lastName?: string }[]) => boolean } {
  const id = `cus-${i}`;
  const has = (found: { id: string }[]) => found.some((c) => c.id === id);
  if (kind === 'phone') return { q: phoneOf(i).replace(/(\d\d)(?=\d)/g, '$1 '), expect: has };
  if (kind === 'email') return { q: emailOf(i).toUpperCase(), expect: has };
  if (kind === 'card') return { q: cardOf(i).toLowerCase(), expect: has };
  const name = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
  const prefix = name.slice(0, 3 + Math.floor(random() * (name.length - 2))).toLowerCase();
  const firstStart = random() < 0.5 ? ` ${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!.slice(0, 2).toLowerCase()}` : '';
  return {
    q: `${prefix}${firstStart}`,
    expect: (found) => found.length > 0 && found.every((c) => c.lastName!.toLowerCase().startsWith(prefix)),
  };
}

export async function measureCustomerLookup(shape: LookupShape): Promise<LookupResult> {
  const logDir = await tempDir('omni-lookup');
  const url = await freshDatabase('omni_lookup');
  const hub = await startHub({ databaseUrl: url, logDir });
  onCleanup('omni lookup hub', () => hub.stop());
  log(`generating ${shape.customers.toLocaleString('en')} customers (not timed)…`);
  const started = performance.now();
  await generate(url, shape.customers);
  const generatedSeconds = (performance.now() - started) / 1000;
  const db = await openDatabase({ kind: 'postgres', url });
  // Tills of several stores take turns (chain-wide searches), each within the hub's per-device rate limit.
  const layout = Array.from({ length: TILLS }, (_, i) => ({ storeId: `S${String(i).padStart(3, '0')}`, tillId: 'T01' }));
  const enrolled = await enroll(db, layout);
  await db.close();
  const tills = layout.map((t) => ({
    token: enrolled.get(`${t.storeId}/${t.tillId}`)!.token,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  }));
  const random = mulberry32(14);
  const byKind: Record<LookupKind, number[]> = { phone: [], email: [], card: [], name: [] };
  const lookupMs: number[] = [];
  const failures: string[] = [];
  const base = new URL('/api/v1/till/customers', hub.url);
  log(`${shape.lookups} searches, one at a time, by phone, e-mail, card and name in turn…`);
  // A few searches first: the hub's first requests compile its routes' serialisers.
  for (let n = -20; n < shape.lookups; n += 1) {
    const kind = KINDS[((n % 4) + 4) % 4]!;
    const { q, expect } = search(kind, Math.floor(random() * shape.customers), random);
    const target = new URL(base);
    target.searchParams.set('q', q);
    const till = tills[(n + tills.length) % tills.length]!;
    const t0 = performance.now();
    const answer = await get(till.agent, target, till.token);
    const ms = performance.now() - t0;
    const found = answer.status === 200 ? (JSON.parse(answer.body) as { customers: { id: string; lastName?: string }[] }).customers : [];
    if (answer.status !== 200 || !expect(found)) failures.push(`${kind} "${q}": HTTP ${answer.status}, ${found.length} found`);
    if (n < 0 || answer.status !== 200) continue;
    lookupMs.push(ms);
    byKind[kind].push(ms);
  }
  for (const till of tills) till.agent.destroy();
  return { lookupMs, byKind, failures, generatedSeconds };
}
