import {
  compilePromotions,
  problem,
  salePricingContext,
  salePromotionProblems,
  salePromotions,
  type Promotion,
  type SalePayloadV1,
  type SaleProblem,
} from '@pos/core';
import { PROMOTIONS, promotionsSeq } from '../catalog/promotion-writes';
import type { Queryable } from '../db/database';

/**
 * Every rule the hub holds by id, live or deleted (a tombstone keeps its last version's content):
 * the last version of each. Versions go up one at a time, so a lower version existed too; its
 * content is in `replaced` (by versionKey) when the hub saved it since catalog_doc_versions exists.
 */
export type HubPromotions = ReadonlyMap<string, Promotion> & { readonly replaced?: ReadonlyMap<string, Promotion> };

const versionKey = (id: string, version: number) => `${id}\u0000${version}`;

/** promotionsSeq as a column of another statement. */
export const PROMOTIONS_SEQ = `(SELECT coalesce(max(seq), 0) FROM catalog_docs WHERE collection = '${PROMOTIONS.name}')`;

/** Far above the live bound (20,000) with the deleted ones: a read that stays bounded. */
const MAX_RULES = 100_000;

const cache = new WeakMap<Queryable, { readonly seq: number; readonly rules: Promise<HubPromotions> }>();

/**
 * The hub's rules, read again only when the promotions' catalog sequence moved (a save or a
 * deletion); `knownSeq`: that sequence, when the caller read it already (PROMOTIONS_SEQ).
 */
export async function hubPromotions(db: Queryable, knownSeq?: number): Promise<HubPromotions> {
  const seq = knownSeq ?? (await promotionsSeq(db));
  const held = cache.get(db);
  if (held && held.seq === seq) return held.rules;
  const rules = db
    .query<{ id: string; doc: Omit<Promotion, 'id'> }>(`SELECT id, doc FROM catalog_docs WHERE collection = $1 ORDER BY id LIMIT $2`, [
      PROMOTIONS.name,
      MAX_RULES,
    ])
    .then(async (rows) => {
      const latest = new Map(rows.map(({ id, doc }) => [id, { ...doc, id } as Promotion]));
      // Versions since replaced, as saved (the version history of each save).
      const older = await db.query<{ doc: Promotion }>(
        `SELECT v.doc FROM catalog_doc_versions v JOIN catalog_docs d ON d.collection = v.collection AND d.id = v.id
          WHERE v.collection = $1 AND v.version < (d.doc ->> 'version')::int ORDER BY v.id, v.version LIMIT $2`,
        [PROMOTIONS.name, MAX_RULES],
      );
      const replaced = new Map(older.map(({ doc }) => [versionKey(doc.id, doc.version), doc]));
      return Object.assign(latest, { replaced }) as HubPromotions;
    });
  cache.set(db, { seq, rules });
  // A failed read is not kept: the next verification step reads again.
  rules.catch(() => {
    if (cache.get(db)?.rules === rules) cache.delete(db);
  });
  return rules;
}

/**
 * A sale's promotional discounts at the hub, after its figures: a version the hub never had (no
 * such rule, or a higher version than it ever saved) is reported; when the hub holds every version
 * the sale names, the lines are priced again with those rules as the till host did (core's
 * salePromotionProblems) and any other amount is reported. A version since replaced is priced with
 * its content as saved (catalog_doc_versions); one saved before that history was kept is known to
 * have existed, its content no longer held: the sale's arithmetic stands on the host's check then.
 */
export function salePromotionIssues(sale: SalePayloadV1, held: HubPromotions, timeZone: string): SaleProblem[] {
  const claims = salePromotions(sale);
  if (claims.length === 0) return [];
  const problems: SaleProblem[] = [];
  const named = new Map<string, Promotion>();
  let replaced = false;
  for (const claim of claims) {
    const rule = held.get(claim.sourceId);
    if (!rule || rule.version < claim.sourceVersion) {
      problems.push(problem('promotion', `unknown-promotion: ${claim.sourceId} v${claim.sourceVersion}: the hub never saved this version`));
    } else if (rule.version === claim.sourceVersion) named.set(rule.id, rule);
    else {
      const saved = held.replaced?.get(versionKey(claim.sourceId, claim.sourceVersion));
      if (saved) named.set(saved.id, saved);
      else replaced = true;
    }
  }
  if (problems.length > 0 || replaced) return problems.slice(0, 20);
  return salePromotionProblems(sale, compilePromotions([...named.values()]), salePricingContext(sale, timeZone)).map((p) =>
    problem('promotion', `${p.code}: ${p.message}`),
  );
}
