import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomerDraft, CustomerMatchView, InvokeReply } from '@pos/core';
import { foldName, normaliseCardNumber, normaliseEmail, normalisePhone } from '@pos/core/customers/customer-contact';
import { customerMatchOf } from '@pos/core/customers/customer-match';
import type { CustomerQuery } from '@pos/core/customers/customer-query';

/** A customer as the till keeps them: what the list shows, the folded names, and hashed ways of finding them. */
type Cached = {
  readonly match: CustomerMatchView;
  readonly last: string;
  readonly first: string;
  /** `p:`, `e:` or `c:` then a hash of the normalised phone, e-mail or card number: found by them, never kept in clear. */
  readonly keys: readonly string[];
};

export const CUSTOMER_CACHE_LIMITS = {
  /** The most recently seen customers kept; older ones are forgotten (the hub keeps every one). */
  maxCustomers: 20_000,
  /** Matches answered, as the hub's till search. */
  maxMatches: 20,
  /** Ways of finding one customer kept (a phone, an e-mail, a card or two). */
  maxKeys: 6,
  /** A line of the file longer than this is not one the cache wrote: skipped. */
  maxLineLength: 4096,
} as const;

const FIELD_MAX = 200;
const ID = /^[A-Za-z0-9._-]{1,64}$/;

const hashed = (kind: 'p' | 'e' | 'c', value: string) =>
  `${kind}:${createHash('sha256').update(`pos-customer-cache\n${kind}\n${value}`).digest('hex').slice(0, 32)}`;

function queryKeys(query: CustomerQuery): string[] {
  switch (query.kind) {
    case 'email':
      return [hashed('e', query.email)];
    case 'card':
      return [hashed('c', query.cardNumber)];
    case 'phone':
      return [
        ...(query.phone === null ? [] : [hashed('p', query.phone)]),
        ...(query.cardNumber === null ? [] : [hashed('c', query.cardNumber)]),
      ];
    case 'name':
      return [];
  }
}

/** The keys the hub's answer proves for a match: the query's, where the match's hints agree with it. */
function provenKeys(query: CustomerQuery, match: CustomerMatchView): string[] {
  switch (query.kind) {
    case 'email':
    case 'card':
      return queryKeys(query);
    case 'phone':
      return [
        ...(query.phone !== null && match.phoneEnd === query.phone.slice(-4) ? [hashed('p', query.phone)] : []),
        ...(query.cardNumber !== null && match.cardEnd === query.cardNumber.slice(-4) ? [hashed('c', query.cardNumber)] : []),
      ];
    case 'name':
      return [];
  }
}

const byName = (a: Cached, b: Cached) =>
  a.last < b.last ? -1 : a.last > b.last ? 1 : a.first < b.first ? -1 : a.first > b.first ? 1 : a.match.id < b.match.id ? -1 : 1;

/** A line read back from the file, checked as what the cache writes (the file is the till's, but a damaged one must not stop a start). */
function readLine(raw: string): Cached | null {
  if (raw.length > CUSTOMER_CACHE_LIMITS.maxLineLength) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const c = value as Partial<Cached> | null;
  const m = c?.match as Record<string, unknown> | undefined;
  if (!c || typeof m !== 'object' || m === null || typeof m.id !== 'string' || !ID.test(m.id)) return null;
  if (!Object.values(m).every((v) => typeof v === 'string' && v.length <= FIELD_MAX)) return null;
  if (
    !Array.isArray(c.keys) ||
    c.keys.length > CUSTOMER_CACHE_LIMITS.maxKeys ||
    !c.keys.every((k) => typeof k === 'string' && k.length < 40)
  )
    return null;
  if (typeof c.last !== 'string' || typeof c.first !== 'string') return null;
  return { match: m as CustomerMatchView, last: c.last, first: c.first, keys: c.keys };
}

/**
 * The customers this till's store has seen (created here, found at the hub, attached to a sale),
 * the most recent CUSTOMER_CACHE_LIMITS.maxCustomers, so the cashier still finds a regular when
 * the hub cannot be reached. Kept in the host's data directory, never in the journal: what the
 * search's list shows (names, postal code, last digits) and hashes of the phone, e-mail and card
 * number, so no whole contact is stored. A cache: written without fsync, a damaged line skipped,
 * rewritten whole (then renamed over) once the file holds twice what it keeps.
 */
export class CustomerCache {
  private readonly entries = new Map<string, Cached>();
  private lines = 0;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly max: number,
  ) {}

  static async open(dataDir: string, max: number = CUSTOMER_CACHE_LIMITS.maxCustomers): Promise<CustomerCache> {
    const cache = new CustomerCache(path.join(dataDir, 'customers', 'cache.jsonl'), max);
    await mkdir(path.dirname(cache.file), { recursive: true, mode: 0o700 });
    let text = '';
    try {
      text = await readFile(cache.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const raw of text.split('\n')) {
      const entry = raw ? readLine(raw) : null;
      if (entry) cache.put(entry);
      if (raw) cache.lines += 1;
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The customers found for `query`, as the hub would order them (a name: last then first name then id). */
  search(query: CustomerQuery, limit: number = CUSTOMER_CACHE_LIMITS.maxMatches): CustomerMatchView[] {
    const all = [...this.entries.values()];
    if (query.kind === 'name') {
      return all
        .filter((c) => c.last.startsWith(query.lastName) && c.first.startsWith(query.firstName))
        .sort(byName)
        .slice(0, limit)
        .map((c) => c.match);
    }
    const wanted = new Set(queryKeys(query));
    return all
      .filter((c) => c.keys.some((k) => wanted.has(k)))
      .sort((a, b) => (a.match.id < b.match.id ? -1 : 1))
      .slice(0, limit)
      .map((c) => c.match);
  }

  /** What the hub answered to `query`: each match kept (the most recent), with the ways of finding it the query proves. */
  rememberFound(query: CustomerQuery, matches: readonly CustomerMatchView[]): Promise<void> {
    return this.remember(matches.map((match) => this.cached(match, provenKeys(query, match))));
  }

  /** A customer created at this till (sent to the hub or waiting to be). */
  rememberCreated(id: string, draft: CustomerDraft): Promise<void> {
    const phone = draft.phone === undefined ? null : normalisePhone(draft.phone);
    const email = draft.email === undefined ? null : normaliseEmail(draft.email);
    const card = draft.cardNumber === undefined ? null : normaliseCardNumber(draft.cardNumber);
    const keys = [
      ...(phone?.ok ? [hashed('p', phone.value)] : []),
      ...(email?.ok ? [hashed('e', email.value)] : []),
      ...(card?.ok ? [hashed('c', card.value)] : []),
    ];
    const match = customerMatchOf({
      id,
      firstName: draft.firstName ?? null,
      lastName: draft.lastName,
      postalCode: draft.postalCode ?? null,
      phoneNormalised: phone?.ok ? phone.value : null,
      emailNormalised: email?.ok ? email.value : null,
      cardNumber: card?.ok ? card.value : null,
    });
    return this.remember([this.cached(match, keys)]);
  }

  /** A customer attached to a sale here: the most recent again, if the till keeps them. */
  touch(id: string): Promise<void> {
    const entry = this.entries.get(id);
    return entry ? this.remember([entry]) : Promise.resolve();
  }

  /** Waits for what is being written. */
  async close(): Promise<void> {
    await this.writing;
  }

  private cached(match: CustomerMatchView, keys: readonly string[]): Cached {
    const before = this.entries.get(match.id)?.keys ?? [];
    const merged = [...new Set([...keys, ...before])].slice(0, CUSTOMER_CACHE_LIMITS.maxKeys);
    const bounded = Object.fromEntries(Object.entries(match).map(([k, v]) => [k, String(v).slice(0, FIELD_MAX)])) as CustomerMatchView;
    return { match: bounded, last: foldName(bounded.lastName ?? ''), first: foldName(bounded.firstName ?? ''), keys: merged };
  }

  /** Most recent last in the map's order; the oldest go once past the bound. */
  private put(entry: Cached): void {
    this.entries.delete(entry.match.id);
    this.entries.set(entry.match.id, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  private remember(entries: readonly Cached[]): Promise<void> {
    const valid = entries.filter((e) => ID.test(e.match.id));
    if (valid.length === 0) return this.writing;
    for (const entry of valid) this.put(entry);
    const text = valid.map((e) => `${JSON.stringify(e)}\n`).join('');
    this.lines += valid.length;
    const compact = this.lines > 2 * this.max;
    if (compact) this.lines = this.entries.size;
    // One write at a time, in order; a failed write loses only cache lines (the hub keeps every customer).
    this.writing = this.writing
      .then(() => (compact ? this.rewrite() : appendFile(this.file, text, { mode: 0o600 })))
      .catch(() => undefined);
    return this.writing;
  }

  private async rewrite(): Promise<void> {
    const snapshot = [...this.entries.values()].map((e) => `${JSON.stringify(e)}\n`).join('');
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, snapshot, { mode: 0o600 });
    await rename(temporary, this.file);
  }
}

/**
 * Watches the host's answers for a sale sealed with a customer (its customerId): that customer is
 * the store's most recent again, so a regular stays in the cache however many others are found.
 */
export function customerSoldTo(cache: CustomerCache): (name: unknown, reply: InvokeReply) => void {
  return (name, reply) => {
    if (name !== 'fiscal.seal' || !reply.ok) return;
    const record = reply.value as { chain?: unknown; payload?: { customerId?: unknown } } | null;
    const id = record?.chain === 'sale' ? record.payload?.customerId : undefined;
    if (typeof id === 'string') void cache.touch(id);
  };
}
