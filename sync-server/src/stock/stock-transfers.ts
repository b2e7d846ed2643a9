import { createHash } from 'node:crypto';
import {
  MAX_TRANSFER_LINES,
  MAX_TRANSFER_NOTE_LENGTH,
  type FieldProblem,
  type StockTransferInput,
  type StockTransferResult,
} from '@pos/core/sync/head-office-api';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { lockCounter } from '../sync/document-table';
import { isRecordFault } from '../sync/record-faults';
import { MAX_COUNTED, MOVEMENT_ID } from './manual-movements';
import type { StockMovement } from './sale-movements';
import { recordStockMovements } from './stock-ledger';

type Level = { readonly productId: string; readonly level: number };

function invalid(problems: readonly FieldProblem[]): HubError {
  return new HubError(422, 'invalid_transfer', `Nothing was moved: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, {
    problems,
  });
}

/** What makes two requests the same transfer: everything but the id, in a fixed form. */
function fingerprint(input: StockTransferInput): string {
  const body = { from: input.from, to: input.to, lines: input.lines.map((l) => [l.productId, l.quantity]), note: input.note ?? '' };
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

async function problemsOf(db: Queryable, input: StockTransferInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!MOVEMENT_ID.test(input.id))
    problems.push({ field: 'id', message: 'a transfer id is 1 to 128 letters, digits, ".", "_", ":", "/" or "-"' });
  if (input.from === input.to) problems.push({ field: 'to', message: 'a transfer goes to another store' });
  const known = new Set(
    (await db.query<{ store_id: string }>('SELECT store_id FROM stores WHERE store_id IN ($1, $2)', [input.from, input.to])).map(
      (r) => r.store_id,
    ),
  );
  for (const field of ['from', 'to'] as const) if (!known.has(input[field])) problems.push({ field, message: `no store ${input[field]}` });
  if (input.lines.length === 0 || input.lines.length > MAX_TRANSFER_LINES)
    problems.push({ field: 'lines', message: `a transfer has 1 to ${MAX_TRANSFER_LINES} lines` });
  if ((input.note ?? '').length > MAX_TRANSFER_NOTE_LENGTH)
    problems.push({ field: 'note', message: `a note is at most ${MAX_TRANSFER_NOTE_LENGTH} characters` });
  const products = new Set(
    (
      await db.query<{ id: string }>(
        "SELECT id FROM catalog_docs WHERE collection = 'products' AND id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))",
        [JSON.stringify([...new Set(input.lines.map((l) => l.productId))])],
      )
    ).map((r) => r.id),
  );
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (!products.has(line.productId))
      problems.push({ field: `lines[${i}].productId`, message: `no product ${line.productId} in the catalog` });
    else if (seen.has(line.productId))
      problems.push({ field: `lines[${i}].productId`, message: `product ${line.productId} is given twice` });
    seen.add(line.productId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0 || line.quantity > MAX_COUNTED)
      problems.push({ field: `lines[${i}].quantity`, message: `a quantity is a whole number of pieces or grams from 1 to ${MAX_COUNTED}` });
  });
  return problems;
}

function movements(input: StockTransferInput, direction: 'transfer_out' | 'transfer_in'): StockMovement[] {
  return input.lines.map((line) => ({
    movementId: `transfer:${input.id}:${line.productId}`,
    productId: line.productId,
    quantityDelta: direction === 'transfer_out' ? -line.quantity : line.quantity,
    kind: direction,
    sourceCollection: 'transfer',
    sourceId: input.id,
  }));
}

async function levelsOf(tx: Queryable, storeId: string, productIds: readonly string[]): Promise<Level[]> {
  const rows = await tx.query<{ product_id: string; level: number }>(
    `SELECT product_id, level FROM stock_levels
      WHERE store_id = $1 AND product_id = ANY(ARRAY(SELECT jsonb_array_elements_text($2::jsonb))) ORDER BY product_id`,
    [storeId, JSON.stringify(productIds)],
  );
  return rows.map((r) => ({ productId: r.product_id, level: Number(r.level) }));
}

/**
 * Moves stock from one store to another (issue 13): a transfer_out movement per line in the
 * source and a transfer_in in the destination, in one transaction under both stores' counter
 * locks (taken in store order, so two transfers in opposite directions never wait on each other).
 * The client's id makes it idempotent: the same body again changes nothing and answers
 * applied: false; another body under the same id is refused (409 transfer_conflict).
 */
export async function transferStock(db: Database, input: StockTransferInput): Promise<StockTransferResult> {
  const problems = await problemsOf(db, input);
  if (problems.length > 0) throw invalid(problems);
  const sha = fingerprint(input);
  const products = input.lines.map((l) => l.productId);
  return db
    .transaction(async (tx) => {
      for (const storeId of [input.from, input.to].sort()) await lockCounter(tx, { kind: 'store', storeId });
      const [created] = await tx.query<{ created_at: Date | string }>(
        `INSERT INTO stock_transfers (transfer_id, from_store_id, to_store_id, lines, note, body_sha256)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (transfer_id) DO NOTHING RETURNING created_at`,
        [input.id, input.from, input.to, JSON.stringify(input.lines), input.note ?? '', sha],
      );
      if (created) {
        const out = await recordStockMovements(tx, input.from, movements(input, 'transfer_out'));
        const into = await recordStockMovements(tx, input.to, movements(input, 'transfer_in'));
        return {
          id: input.id,
          applied: true,
          createdAt: new Date(created.created_at).toISOString(),
          levels: { from: out.levels, to: into.levels },
        };
      }
      const [before] = await tx.query<{ body_sha256: string; created_at: Date | string }>(
        'SELECT body_sha256, created_at FROM stock_transfers WHERE transfer_id = $1',
        [input.id],
      );
      if (before!.body_sha256 !== sha)
        throw new HubError(
          409,
          'transfer_conflict',
          `Transfer ${input.id} was recorded with other stores, lines or note: nothing was moved`,
        );
      return {
        id: input.id,
        applied: false,
        createdAt: new Date(before!.created_at).toISOString(),
        levels: { from: await levelsOf(tx, input.from, products), to: await levelsOf(tx, input.to, products) },
      };
    })
    .catch((error: unknown) => {
      // stock_levels_level_safe: a level must stay a number JSON carries exactly.
      if (isRecordFault(error))
        throw invalid([{ field: 'lines', message: 'a level would leave the range of whole numbers JSON carries exactly' }]);
      throw error;
    });
}
