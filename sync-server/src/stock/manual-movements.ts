import type { FieldProblem, StockMovementInput, StockMovementsResult } from '@pos/core/sync/head-office-api';
import { requireStore } from '../admin/stores';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { lockCounter } from '../sync/document-table';
import { isRecordFault } from '../sync/record-faults';
import type { StockMovement } from './sale-movements';
import { recordStockMovements } from './stock-ledger';

/** Movement ids are chosen by head office (a delivery note line, a count sheet line): printable, short. */
export const MOVEMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
export const MAX_MOVEMENTS = 1000;
/** A shelf count: a billion pieces, or a thousand tonnes in grams, is more than any store holds. */
export const MAX_COUNTED = 1_000_000_000;

/** `levels`: the store's levels now (under its lock), for a count given as the quantity counted. */
function ledgerRow(input: StockMovementInput, levels: ReadonlyMap<string, number>): StockMovement {
  const quantity = input.quantity ?? 0;
  const delta =
    input.counted !== undefined ? input.counted - (levels.get(input.productId) ?? 0) : input.kind === 'transfer_out' ? -quantity : quantity;
  // "admin:" keeps head office's ids apart from sale lines (<saleId>:<lineId>) in the one ledger.
  return {
    movementId: `admin:${input.movementId}`,
    productId: input.productId,
    quantityDelta: delta,
    kind: input.kind,
    sourceCollection: 'admin',
    sourceId: input.movementId,
  };
}

/** A count given as the quantity on the shelf: only for counts, alone for its product in the request, in range. */
function countedProblems(m: StockMovementInput, at: string, inputs: readonly StockMovementInput[]): FieldProblem[] {
  if (m.kind !== 'count_adjustment' || m.quantity !== undefined)
    return [{ field: `${at}.counted`, message: 'counted is for a count_adjustment, instead of quantity' }];
  if (!Number.isSafeInteger(m.counted) || m.counted! < 0 || m.counted! > MAX_COUNTED)
    return [{ field: `${at}.counted`, message: `a quantity counted is a whole number from 0 to ${MAX_COUNTED}` }];
  if (inputs.filter((other) => other.productId === m.productId).length > 1)
    return [{ field: `${at}.productId`, message: `a product counted is not moved again in the same request (${m.productId})` }];
  return [];
}

/** Everything wrong with the request, by position: nothing is recorded unless all of it is right. */
async function problemsOf(db: Database, inputs: readonly StockMovementInput[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  inputs.forEach((m, i) => {
    const at = `movements[${i}]`;
    if (!MOVEMENT_ID.test(m.movementId))
      problems.push({ field: `${at}.movementId`, message: 'a movement id is 1 to 128 letters, digits, ".", "_", ":", "/" or "-"' });
    if (seen.has(m.movementId)) problems.push({ field: `${at}.movementId`, message: `movement ${m.movementId} is given twice` });
    seen.add(m.movementId);
    if (m.counted !== undefined) {
      problems.push(...countedProblems(m, at, inputs));
      return;
    }
    if (m.quantity === undefined || !Number.isSafeInteger(m.quantity))
      problems.push({ field: `${at}.quantity`, message: 'a quantity is a whole number of pieces or grams' });
    else if (m.kind === 'count_adjustment' ? m.quantity === 0 : m.quantity <= 0) {
      problems.push({
        field: `${at}.quantity`,
        message:
          m.kind === 'count_adjustment'
            ? 'a count adjustment is the difference found, not 0'
            : `a ${m.kind} quantity is positive (the kind gives the direction)`,
      });
    }
  });
  const ids = [...new Set(inputs.map((m) => m.productId))];
  const known = new Set(
    (
      await db.query<{ id: string }>(
        "SELECT id FROM catalog_docs WHERE collection = 'products' AND id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))",
        [JSON.stringify(ids)],
      )
    ).map((r) => r.id),
  );
  inputs.forEach((m, i) => {
    if (!known.has(m.productId)) problems.push({ field: `movements[${i}].productId`, message: `no product ${m.productId} in the catalog` });
  });
  return problems;
}

/**
 * Head office's movements for one store (deliveries, transfers, counts), in one transaction
 * under the store's counter lock like a till's push. A movement id already recorded is ignored,
 * so a retried request changes nothing.
 */
export async function recordManualMovements(
  db: Database,
  storeId: string,
  inputs: readonly StockMovementInput[],
): Promise<StockMovementsResult> {
  await requireStore(db, storeId);
  if (inputs.length > MAX_MOVEMENTS)
    throw new HubError(413, 'too_many_rows', `At most ${MAX_MOVEMENTS} movements per request; this one has ${inputs.length}`);
  const problems = await problemsOf(db, inputs);
  if (problems.length > 0)
    throw new HubError(422, 'invalid_movements', `Nothing was recorded: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, {
      problems,
    });
  const outcome = await db
    .transaction(async (tx) => {
      await lockCounter(tx, { kind: 'store', storeId });
      const counted = inputs.filter((m) => m.counted !== undefined).map((m) => m.productId);
      const levels = new Map(
        counted.length === 0
          ? []
          : (
              await tx.query<{ product_id: string; level: number }>(
                'SELECT product_id, level FROM stock_levels WHERE store_id = $1 AND product_id = ANY(ARRAY(SELECT jsonb_array_elements_text($2::jsonb)))',
                [storeId, JSON.stringify(counted)],
              )
            ).map((r) => [r.product_id, Number(r.level)] as const),
      );
      return recordStockMovements(
        tx,
        storeId,
        inputs.map((m) => ledgerRow(m, levels)),
      );
    })
    .catch((error: unknown) => {
      // The levels' check (stock_levels_level_safe): a level must stay a number JSON carries exactly.
      if (isRecordFault(error)) {
        throw new HubError(
          422,
          'invalid_movements',
          `Nothing was recorded: these movements would take a level beyond ±${Number.MAX_SAFE_INTEGER}, which tills cannot read exactly`,
          { problems: [{ field: 'movements', message: 'a level would leave the range of whole numbers JSON carries exactly' }] },
        );
      }
      throw error;
    });
  return { recorded: outcome.recorded, alreadyRecorded: inputs.length - outcome.recorded, levels: outcome.levels };
}
